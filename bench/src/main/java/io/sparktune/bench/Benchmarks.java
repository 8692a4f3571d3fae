package io.sparktune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the chosen suites in a fixed order and collects their rows: overhead/memory first (in local mode the executor
 * is this JVM, so its memory is measured before the epoch suite fills the heap), then epoch, scaling (executor JVMs
 * of their own) and quality. A suite that cannot run (e.g. {@code scaling} without {@code SPARK_HOME}) is reported as
 * skipped with its
 * reason; the others still run.
 */
public final class Benchmarks {
    private static final Logger LOG = LoggerFactory.getLogger(Benchmarks.class);

    private Benchmarks() {}

    /** The rows of every suite that ran, and one "suite: reason" line per suite that did not. */
    public record Report(List<BenchRow> rows, List<String> skipped) {}

    public static Report run(BenchSettings settings, Set<Suite> suites) {
        List<BenchRow> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean overhead = suites.contains(Suite.OVERHEAD);
        boolean memory = suites.contains(Suite.MEMORY);
        runSuite(
                overhead ? "overhead" : "memory",
                overhead || memory,
                () -> new OverheadBench(settings).run(overhead, memory),
                rows,
                skipped);
        runSuite("epoch", suites.contains(Suite.EPOCH), () -> new EpochBench(settings).run(), rows, skipped);
        runSuite("scaling", suites.contains(Suite.SCALING), () -> new ScalingBench(settings).run(), rows, skipped);
        runSuite("quality", suites.contains(Suite.QUALITY), () -> new QualityBench(settings).run(), rows, skipped);
        return new Report(rows, skipped);
    }

    @FunctionalInterface
    private interface SuiteBody {
        List<BenchRow> run() throws Exception;
    }

    private static void runSuite(
            String name, boolean selected, SuiteBody body, List<BenchRow> rows, List<String> skipped) {
        if (!selected) {
            return;
        }
        LOG.info("running suite {}", name);
        try {
            rows.addAll(body.run());
        } catch (Exception e) {
            LOG.warn("suite {} failed", name, e);
            skipped.add(name + ": " + e);
        }
    }
}
