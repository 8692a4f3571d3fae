package io.sparktune.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The JSON a worker sends and the journal keeps: what goes in comes out, and a foreign field is refused. */
class SplitResultJsonTest {

    private static final List<EpochRecord> CURVE =
            List.of(new EpochRecord(1, 0.9, 0.71, 1.5), new EpochRecord(2, 0.6, 0.78, 1.4));

    @Test
    void aResultRoundTripsWithItsCurveMetricsAndTaskTime() {
        TreeMap<String, Double> metrics = new TreeMap<>();
        metrics.put("accuracy", 0.78);
        metrics.put("log_loss", 0.61);
        SplitResult result =
                new SplitResult(3, 1, TrialStatus.OK, 0.78, 2, 2, 2.9, CURVE, null, "42@host", metrics, 3.4);

        SplitResult back = WorkerJson.read(WorkerJson.write(result), SplitResult.class);

        assertEquals(result, back);
        assertEquals(List.of("accuracy", "log_loss"), List.copyOf(back.metrics().keySet()));
    }

    @Test
    void aDivergedResultKeepsItsNaNScoreAndMessage() {
        SplitResult diverged =
                new SplitResult(0, 0, TrialStatus.DIVERGED, Double.NaN, 2, 1, 0.4, CURVE, "diverged in epoch 2", "1@h");

        SplitResult back = WorkerJson.read(WorkerJson.write(diverged), SplitResult.class);

        assertTrue(Double.isNaN(back.score()));
        assertEquals(TrialStatus.DIVERGED, back.status());
        assertEquals("diverged in epoch 2", back.message());
        assertEquals(CURVE, back.curve());
    }

    @Test
    void aRecordWithoutMetricsOrCurveReadsAsEmptyAndAnUnknownFieldIsRefused() {
        SplitResult old = WorkerJson.read(
                "{\"trialNumber\":1,\"split\":0,\"status\":\"FAILED\",\"score\":\"NaN\",\"epochsRun\":0,"
                        + "\"bestEpoch\":0,\"fitSeconds\":0.0,\"message\":\"boom\",\"worker\":\"7@h\"}",
                SplitResult.class);
        assertEquals(List.of(), old.curve());
        assertTrue(old.metrics().isEmpty());
        assertEquals(TrialStatus.FAILED, old.status());

        assertThrows(
                UncheckedIOException.class,
                () -> WorkerJson.read("{\"trialNumber\":1,\"split\":0,\"surprise\":true}", SplitResult.class));
    }
}
