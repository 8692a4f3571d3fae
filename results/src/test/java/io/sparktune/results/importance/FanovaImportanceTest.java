package io.sparktune.results.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.TrialRecord;
import io.sparktune.results.importance.Importances.ParamImportance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fANOVA importances of trials of a known objective: the dominant hyperparameter first, the irrelevant one at 0. */
class FanovaImportanceTest {
    static final List<TrialRecord> TRIALS = SyntheticTrials.sample(100, 7);

    @Test
    void theDominantHyperparameterRanksFirstAndTheIrrelevantOneGetsNearlyNothing() {
        Importances importances = FanovaImportance.of(TRIALS, SyntheticTrials.SPACE);
        List<String> ranking =
                importances.params().stream().map(ParamImportance::name).toList();
        assertEquals(List.of("learning_rate", "optimizer", "n_neurons", "dropout"), ranking, importances.toString());
        assertTrue(importances.of("learning_rate") > 0.6, importances.toString());
        assertTrue(importances.of("dropout") < 0.03, importances.toString());
        assertEquals(
                1.0,
                importances.params().stream()
                        .mapToDouble(ParamImportance::importance)
                        .sum(),
                1e-9);
        assertEquals(100, importances.scoredTrials());
        assertTrue(importances.notes().isEmpty(), importances.notes().toString());
    }

    @Test
    void theSameSeedGivesTheSameSharesAndAnotherSeedNearlyTheSame() {
        Importances first = FanovaImportance.of(TRIALS, SyntheticTrials.SPACE, 16, 3);
        assertEquals(first, FanovaImportance.of(TRIALS, SyntheticTrials.SPACE, 16, 3));
        Importances other = FanovaImportance.of(TRIALS, SyntheticTrials.SPACE, 16, 4);
        assertFalse(first.equals(other), "the seed drives the bootstrap");
        assertEquals(first.of("learning_rate"), other.of("learning_rate"), 0.05);
    }
}
