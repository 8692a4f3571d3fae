package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/** Spark's reason for a stop, taken from its standalone backend's log line (through the real log4j2). */
class SparkStopReasonTest {
    private static final Logger SPARK_BACKEND = LogManager.getLogger(SparkStopReason.LOGGER);

    @Test
    void takesTheReasonFromSparksLogLineOnlyWhileInstalled() {
        SparkStopReason reason = SparkStopReason.install();
        try {
            SPARK_BACKEND.warn("Executor lost: nothing to do with a stop");
            assertEquals(Optional.empty(), reason.reason());
            SPARK_BACKEND.error("Application has been killed. Reason: Master removed our application: KILLED");
            assertEquals(Optional.of("Master removed our application: KILLED"), reason.reason());
            SPARK_BACKEND.error("Application has been killed. Reason: a later one");
            assertEquals(Optional.of("Master removed our application: KILLED"), reason.reason(), "the first wins");
        } finally {
            reason.uninstall();
        }
        SparkStopReason after = SparkStopReason.install();
        after.uninstall();
        SPARK_BACKEND.error("Application has been killed. Reason: after uninstall");
        assertEquals(Optional.empty(), after.reason());
    }

    @Test
    void aJobAbortedByTheClusterCarriesTheReason() {
        assertEquals(
                Optional.of("Master removed our application: KILLED"),
                SparkDispatcher.reasonOf(new IllegalStateException(
                        "Job aborted due to stage failure: Master removed our application: KILLED\n"
                                + "Driver stacktrace:\n\tat somewhere")));
        assertEquals(
                Optional.empty(),
                SparkDispatcher.reasonOf(
                        new IllegalStateException("Job 3 cancelled because SparkContext was shut down")));
    }
}
