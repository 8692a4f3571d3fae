package io.sparktune.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.LeaderboardCsv;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code sparktune-VERSION-all.jar} run as {@code ./sparktune} runs it: {@code java -jar} with nothing
 * else on the class path. Runs in {@code mvn verify} (failsafe, after the package phase built the jar), not in
 * {@code mvn test}. What a merged jar gets wrong shows here only: a lost {@code META-INF/services} entry (Hadoop's
 * {@code file:} FileSystem, ND4J's backend), a missing native, a dropped log4j2 plugin or configuration (Spark's INFO
 * flood, StatusLogger errors).
 */
class AllJarIT {
    private static final Path JAR = Path.of(System.getProperty("all.jar"));
    private static final Path FASHION = Path.of(System.getProperty("fashion.mnist.dir"));

    @TempDir
    Path dir;

    @Test
    void printsTheCommandsWithNothingButTheJar() throws Exception {
        Run help = run(List.of("-jar", JAR.toString(), "--help"));
        assertEquals(0, help.exit(), help.stderr());
        assertTrue(help.stdout().startsWith("Usage: sparktune"), help.stdout());
        assertEquals("", help.stderr());
    }

    @Test
    void searchesOnSparkFromTheJarAsQuietlyAsTheLauncher() throws Exception {
        Path spec = Files.writeString(dir.resolve("tiny.yaml"), """
                name: all-jar
                task: classification
                data:
                  format: idx
                  train: {images: %s, labels: %s}
                  limit: 300
                search: {sampler: random, n_iter: 1, cv: 2, seed: 3}
                space:
                  n_hidden:      {int: [1, 1]}
                  n_neurons:     {int: [16, 32]}
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                  optimizer:     {choice: [adam]}
                  dropout:       {uniform: [0.0, 0.2]}
                training: {max_epochs: 1, patience: 1, batch_size: 64}
                """.formatted(
                        FASHION.resolve("train-images-idx3-ubyte.gz"), FASHION.resolve("train-labels-idx1-ubyte.gz")));
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("-Xmx1g"));
        args.addAll(Arrays.asList(System.getProperty("add.opens").trim().split("\\s+")));
        args.addAll(List.of(
                "-jar", JAR.toString(), "search", spec.toString(), "--out", out.toString(), "--master", "local[2]"));

        Run search = run(args);

        assertEquals(0, search.exit(), search.stderr());
        List<Map<String, String>> rows = LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME));
        assertEquals(1, rows.size());
        assertEquals("ok", rows.get(0).get("status"), rows.get(0).get("message"));
        for (String line : search.stderr().lines().toList()) {
            assertTrue(
                    !line.contains("StatusLogger") && !line.contains(" ERROR "),
                    "log4j or the jar complained: " + line);
            // the jar's log4j2.properties: Spark and DL4J at WARN, sparktune's progress lines at INFO
            assertTrue(!line.contains(" INFO ") || line.contains(" INFO  progress: "), "not quiet: " + line);
        }
    }

    private record Run(int exit, String stdout, String stderr) {}

    /** Runs {@code java ARGS} in the environment ./sparktune sets, output through files (no pipe to fill). */
    private Run run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    "java " + args + " still running after 3 minutes; stderr:\n" + Files.readString(stderr));
        }
        return new Run(
                process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
