package io.sparktune.bench;

import io.sparktune.cli.Subcommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparktune bench [SUITE...]}: runs the benchmark suites, prints a table of ratios against baselines measured
 * in the same run, and appends it to {@code bench/results/<date>.md}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark sparktune on Fashion-MNIST; print ratios against same-run baselines and append them "
                    + "to RESULTS/<date>.md.",
            "Suites: epoch (one epoch vs the GEMM-only floor), overhead (one-second trials on local[2]), "
                    + "memory (executor RSS), "
                    + "scaling (local-cluster, 1 vs 2 executors; needs SPARK_HOME), quality (the seed workload on "
                    + "all 60k images; many minutes, only when named), all. Default: all but quality."
        })
public final class BenchCommand implements Callable<Integer>, Subcommand {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(arity = "0..*", paramLabel = "SUITE", description = "epoch, overhead, memory, scaling, quality or all")
    List<String> suiteNames = new ArrayList<>();

    @Option(
            names = "--repeats",
            defaultValue = "3",
            description = "repeats of each measurement (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(
            names = "--trials",
            defaultValue = "200",
            description = "one-second trials of the overhead/memory search (default ${DEFAULT-VALUE})")
    int trials;

    @Option(
            names = "--examples",
            defaultValue = "48000",
            description = "training examples of the epoch suite (default ${DEFAULT-VALUE})")
    int examples;

    @Option(
            names = "--batch-sizes",
            split = ",",
            defaultValue = "128,32",
            description = "batch sizes of the epoch suite (default ${DEFAULT-VALUE})")
    List<Integer> batchSizes;

    @Option(
            names = "--data-dir",
            defaultValue = "/usr/share/datasets/fashion-mnist",
            paramLabel = "DIR",
            description = "directory with train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz "
                    + "(default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(
            names = "--seed-spec",
            defaultValue = "examples/fashion-mlp.yaml",
            paramLabel = "SPEC",
            description = "the quality suite's spec; run without its data.limit (default ${DEFAULT-VALUE})")
    Path seedSpec;

    @Option(
            names = "--results",
            defaultValue = "bench/results",
            paramLabel = "DIR",
            description = "where the dated results files are (default ${DEFAULT-VALUE})")
    Path resultsDir;

    @Option(names = "--no-record", description = "print the table only; do not append it to the results file")
    boolean noRecord;

    @Override
    public Integer call() throws Exception {
        Set<Suite> suites = suites();
        Path scratch = Files.createTempDirectory("sparktune-bench");
        String startLoad = BenchEnvironment.loadAverage();
        LocalTime started = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        Benchmarks.Report report;
        try {
            report = Benchmarks.run(
                    new BenchSettings(
                            dataDir.resolve("train-images-idx3-ubyte.gz").toString(),
                            dataDir.resolve("train-labels-idx1-ubyte.gz").toString(),
                            examples,
                            batchSizes,
                            repeats,
                            trials,
                            8,
                            seedSpec,
                            scratch),
                    suites);
        } finally {
            deleteRecursively(scratch);
        }
        String section = "## " + started + ": "
                + suites.stream().map(Suite::cliName).collect(Collectors.joining(", "))
                + "\n\n" + BenchEnvironment.describe() + "; load average at start " + startLoad
                + "; repeats " + repeats + "\n\n" + BenchTable.format(report.rows())
                + report.skipped().stream().map(s -> "\nnot run: " + s + "\n").collect(Collectors.joining());
        System.out.print(section);
        if (!noRecord) {
            System.out.println("\nappended to " + ResultsFile.append(resultsDir, LocalDate.now(), section));
        }
        return report.skipped().isEmpty() ? 0 : 1;
    }

    private Set<Suite> suites() {
        if (suiteNames.isEmpty()) {
            return Suite.defaults();
        }
        Set<Suite> suites = EnumSet.noneOf(Suite.class);
        for (String name : suiteNames) {
            if (name.equalsIgnoreCase("all")) {
                suites.addAll(EnumSet.allOf(Suite.class));
                continue;
            }
            try {
                suites.add(Suite.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(
                        commandSpec.commandLine(),
                        "unknown suite '" + name + "' (one of epoch, overhead, memory, scaling, quality, all)");
            }
        }
        return suites;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
