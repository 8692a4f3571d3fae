package io.sparktune.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.cluster.ClusterSettings;
import io.sparktune.cluster.ClusterState;
import io.sparktune.cluster.IdxSubset;
import io.sparktune.cluster.LocalCluster;
import io.sparktune.cluster.LoopbackPorts;
import io.sparktune.cluster.S3ProxyServer;
import io.sparktune.results.LeaderboardCsv;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/bin/submit} as a spark-submit user runs it: SparkSubmit from Spark's own jars (deploy/spark-runtime,
 * nothing of sparktune), the packaged spark jar, a standalone cluster of three loopback hosts whose daemons and
 * executors also run Spark's jars only (so sparktune's classes reach the executors in the submitted jar alone), and
 * Fashion-MNIST on a real S3 API server (S3Proxy, authorization on) named as {@code s3a://} and configured through
 * {@code --conf spark.hadoop.fs.s3a.*} only. The secret key must not appear in anything the run writes.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SubmitOnClusterIT {
    private static final Path ROOT =
            Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
    private static final Path SPARK_JAR =
            Path.of(System.getProperty("spark.jar")).toAbsolutePath().normalize();
    private static final String BUCKET = "fashion";

    @TempDir
    Path dir;

    @Test
    void submitsTheSparkJarToAThreeHostClusterReadingS3aData() throws Exception {
        assertTrue(
                Files.isRegularFile(SPARK_JAR), "no spark jar at " + SPARK_JAR + ": deploy's package phase builds it");
        String sparkClasspath = sparkRuntimeClasspath();
        assertFalse(
                sparkClasspath.contains("sparktune") || sparkClasspath.contains("io/sparktune"),
                "the launcher's and the cluster's class path hold nothing of sparktune: " + sparkClasspath);
        Path clusterDir = dir.resolve("cluster");
        try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"))) {
            s3.createBucket(BUCKET);
            try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"), s3.s3aConfiguration())) {
                IdxSubset.write(fs, new org.apache.hadoop.fs.Path("/data"), 1000);
            }
            int[] ports = LoopbackPorts.free(2);
            ClusterState cluster = LocalCluster.start(
                    new ClusterSettings(
                            clusterDir,
                            2,
                            1,
                            "1g",
                            ports[0],
                            ports[1],
                            sparkClasspath,
                            List.of("127.0.0.2", "127.0.0.3")),
                    Duration.ofMinutes(2));
            try {
                Path out = dir.resolve("run");
                Path output = dir.resolve("submit-output.txt");
                int exit = submit(spec(), out, output, cluster.masterUrl(), s3.s3aSettings());

                assertEquals(0, exit, "deploy/bin/submit's exit status; its output:\n" + Files.readString(output));
                List<Map<String, String>> rows = LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME));
                assertEquals(2, rows.size());
                rows.forEach(row -> assertEquals("ok", row.get("status"), row.get("message")));
                List<Path> written = new ArrayList<>(filesUnder(out));
                written.add(output);
                List<Path> executorLogs = filesUnder(clusterDir.resolve("work"));
                assertTrue(
                        executorLogs.stream()
                                .anyMatch(f -> f.getFileName().toString().equals("stderr")),
                        "executors ran on the cluster's workers: " + executorLogs);
                written.addAll(executorLogs);
                written.addAll(filesUnder(clusterDir.resolve("logs")));
                for (Path file : written) {
                    assertFalse(
                            Files.readString(file, StandardCharsets.ISO_8859_1).contains(s3.secretKey()),
                            "the S3 secret key is written in " + file);
                }
            } finally {
                LocalCluster.stop(clusterDir, Duration.ofSeconds(5));
            }
        }
    }

    private Path spec() throws IOException {
        return Files.writeString(
                dir.resolve("s3a-submit.yaml"), """
                name: s3a-submit
                task: classification
                %s
                search: {sampler: random, n_iter: 2, cv: 2, seed: 3}
                space:
                  n_neurons: {int: [8, 32]}
                training: {max_epochs: 1, batch_size: 64}
                """.formatted(IdxSubset.specData("s3a://" + BUCKET + "/data")));
    }

    /** Runs deploy/bin/submit in client mode with the packaged spark jar; returns its exit status. */
    private static int submit(Path spec, Path out, Path output, String masterUrl, List<String> s3aSettings)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ROOT.resolve("deploy/bin/submit").toString(),
                spec.toString(),
                "--out",
                out.toString(),
                "--master",
                masterUrl,
                "--driver-memory",
                "1g",
                "--conf",
                "spark.executor.memory=1g",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.eventLog.enabled=false"));
        s3aSettings.forEach(setting -> command.addAll(List.of("--conf", "spark.hadoop." + setting)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(out.getParent().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("SPARK_HOME");
        builder.environment().put("SPARKTUNE_SPARK_JAR", SPARK_JAR.toString());
        Process process = builder.start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    "deploy/bin/submit still running after 4 minutes; output:\n" + Files.readString(output));
        }
        return process.exitValue();
    }

    /**
     * deploy/spark-runtime's class path (Spark 3.5.7's jars), resolved as deploy/bin/submit resolves it, offline: the
     * build already brought every jar of it into the local repository.
     */
    private static String sparkRuntimeClasspath() throws IOException, InterruptedException {
        Path runtime = ROOT.resolve("deploy/spark-runtime");
        Path file = runtime.resolve("target/classpath.txt");
        if (!Files.isRegularFile(file)
                || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(runtime.resolve("pom.xml")))
                        < 0) {
            Path log = Files.createDirectories(runtime.resolve("target")).resolve("resolve.log");
            Process mvn = new ProcessBuilder(
                            "mvn",
                            "-o",
                            "-q",
                            "dependency:build-classpath",
                            "-DincludeScope=runtime",
                            "-Dmdep.outputFile=target/classpath.txt")
                    .directory(runtime.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            assertEquals(0, mvn.waitFor(), "resolving deploy/spark-runtime failed: " + Files.readString(log));
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
