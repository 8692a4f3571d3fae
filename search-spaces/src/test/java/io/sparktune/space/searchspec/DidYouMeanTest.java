package io.sparktune.space.searchspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> KEYS = List.of("n_hidden", "n_neurons", "learning_rate", "optimizer", "l2");

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertEquals(0, DidYouMean.distance("adam", "adam"));
        assertEquals(1, DidYouMean.distance("optimzer", "optimizer"));
        assertEquals(2, DidYouMean.distance("lerning_rat", "learning_rate"));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        assertEquals(4, DidYouMean.distance("", "abcd"));
    }

    @Test
    void suggestsOnlyCloseMatches() {
        assertEquals(Optional.of("optimizer"), DidYouMean.closest("optimzer", KEYS));
        assertEquals(Optional.of("learning_rate"), DidYouMean.closest("Learning_Rate", KEYS));
        assertEquals(Optional.of("n_neurons"), DidYouMean.closest("n_nerons", KEYS));
        assertEquals(Optional.empty(), DidYouMean.closest("epochs", KEYS));
        // every two-letter word is two edits from "l2"; that is no evidence of a typo
        assertEquals(Optional.empty(), DidYouMean.closest("xy", KEYS));
    }
}
