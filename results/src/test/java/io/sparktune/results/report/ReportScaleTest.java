package io.sparktune.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Axis scales of the report: positions and readable ticks. */
class ReportScaleTest {
    @Test
    void logAxesPlaceDecadesEvenlyAndAlwaysHaveSeveralTicks() {
        Scale wide = Scale.log(new double[] {1e-4, 1e-1});
        assertEquals(wide.fraction(1e-3) - wide.fraction(1e-4), wide.fraction(1e-2) - wide.fraction(1e-3), 1e-12);
        assertEquals(
                List.of("1e-4", "0.001", "0.01", "0.1"),
                wide.ticks().stream().map(Scale.Tick::label).toList());
        Scale narrow = Scale.log(new double[] {1.09e-3, 3.35e-3});
        List<Scale.Tick> ticks = narrow.ticks();
        assertTrue(ticks.size() >= 2, ticks.toString()); // 0.002 and 0.003: with 1-2-5 steps only 0.002
        ticks.forEach(
                t -> assertTrue(narrow.fraction(t.value()) >= 0 && narrow.fraction(t.value()) <= 1, t.toString()));
    }

    @Test
    void linearAndIntegerAxesHaveRoundTicksInsideTheRange() {
        Scale scores = Scale.linear(new double[] {0.571, 0.674});
        assertEquals(
                List.of("0.58", "0.6", "0.62", "0.64", "0.66"),
                scores.ticks().stream().map(Scale.Tick::label).toList());
        Scale epochs = Scale.integers(new double[] {1, 2, 3});
        assertEquals(
                List.of(1.0, 2.0, 3.0),
                epochs.ticks().stream().map(Scale.Tick::value).toList());
        assertEquals(0.5, epochs.fraction(2), 1e-12);
        Scale categories = Scale.categorical(List.of("sgd", "adam"));
        assertEquals(0.25, categories.fraction(0), 1e-12);
        assertEquals(
                List.of("sgd", "adam"),
                categories.ticks().stream().map(Scale.Tick::label).toList());
    }

    /**
     * Two mean scores of the same value summed in another order differ in the last bit. Their span once gave a tick
     * step too small to move a value, and drawing the report never ended (a search stopped right after 2 trials).
     */
    @Test
    void valuesEqualUpToRoundingGetAnAxisOfTheirOwnLikeEqualValues() {
        double score = 0.7586666666666666;
        double[] nearlyEqual = {score, Math.nextUp(score)};
        for (Scale scale : List.of(Scale.linear(nearlyEqual), Scale.log(nearlyEqual))) {
            List<Scale.Tick> ticks = assertTimeoutPreemptively(Duration.ofSeconds(5), scale::ticks);
            assertTrue(!ticks.isEmpty() && ticks.size() <= 12, ticks.toString());
            assertTrue(scale.fraction(score) > 0.2 && scale.fraction(score) < 0.8, "the points near the middle");
        }
        Scale equal = Scale.linear(new double[] {score, score});
        assertEquals(equal.ticks(), Scale.linear(nearlyEqual).ticks());
    }
}
