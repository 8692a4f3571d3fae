package io.sparktune.space.searchspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Sampler and scheduler settings built in code are checked as a spec's are, and name the bad field. */
class SettingsRecordsTest {
    private static String refusal(Executable construction) {
        return assertThrows(IllegalArgumentException.class, construction).getMessage();
    }

    @Test
    void samplerSettingsRefuseValuesASpecCouldNotHave() {
        assertEquals(
                "grid_points must be 0 (not set) or in [2, 1000] (got 1)",
                refusal(() -> new SamplerSettings.Grid(1, 10)));
        assertEquals(
                "grid_points must be 0 (not set) or in [2, 1000] (got 1001)",
                refusal(() -> new SamplerSettings.Grid(1001, 10)));
        assertEquals("max_grid must be in [1, 100000] (got 0)", refusal(() -> new SamplerSettings.Grid(0, 0)));
        assertEquals("n_startup must be in [1, 100000] (got 0)", refusal(() -> new SamplerSettings.Tpe(0)));
        assertEquals(new SamplerSettings.Grid(0, 1), new SamplerSettings.Grid(0, 1));
        assertEquals(new SamplerSettings.Grid(1000, 100_000).gridPoints(), 1000);
    }

    @Test
    void schedulerSettingsRefuseValuesASpecCouldNotHave() {
        assertEquals("min_epochs must be in [1, 10000] (got 0)", refusal(() -> new SchedulerSettings.Asha(0, 3)));
        assertEquals("reduction_factor must be in [2, 10000] (got 1)", refusal(() -> new SchedulerSettings.Asha(1, 1)));
        assertEquals("warmup_epochs must be in [1, 10000] (got 0)", refusal(() -> new SchedulerSettings.Median(0, 3)));
        assertEquals(
                "min_trials must be in [1, 10000] (got 10001)", refusal(() -> new SchedulerSettings.Median(1, 10_001)));
    }

    @Test
    void eachSettingsRecordHasItsKindAndSpecName() {
        assertEquals(
                List.of("random", "grid", "tpe"),
                List.of(new SamplerSettings.Random(), new SamplerSettings.Grid(0, 1), new SamplerSettings.Tpe(1))
                        .stream()
                        .map(SamplerSettings::specName)
                        .toList());
        assertEquals(SamplerKind.specNames(), List.of("random", "grid", "tpe"));
        assertEquals(
                List.of(SchedulerKind.FIFO, SchedulerKind.ASHA, SchedulerKind.MEDIAN),
                List.of(SchedulerSettings.DEFAULT, SchedulerSettings.Asha.DEFAULTS, SchedulerSettings.Median.DEFAULTS)
                        .stream()
                        .map(SchedulerSettings::kind)
                        .toList());
        assertEquals(SchedulerKind.specNames(), List.of("fifo", "asha", "median"));
        assertEquals(SchedulerKind.ASHA, SchedulerKind.fromSpecName("asha"));
        assertEquals(List.of(1, 3, 9, 20), toList(SchedulerSettings.Asha.DEFAULTS.rungEpochs(20)));
    }

    @Test
    void builderStartsFromTheDefaultsAndNeedsNIter() {
        SearchSettings built = SearchSettings.builder().nIter(7).build();
        assertEquals(
                new SearchSettings(
                        SamplerSettings.DEFAULT,
                        7,
                        3,
                        0.0,
                        0L,
                        Scoring.ACCURACY,
                        SearchBudget.NONE,
                        SchedulerSettings.DEFAULT,
                        null,
                        0),
                built);
        assertEquals(
                "nIter not set",
                assertThrows(
                                IllegalStateException.class,
                                () -> SearchSettings.builder().build())
                        .getMessage());
    }

    private static List<Integer> toList(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
