package io.sparktune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.LeaderboardCsv;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sparktune search} on {@code local-cluster[2,1,1024]} reads Fashion-MNIST from a real S3 API server (S3Proxy,
 * authorization on) given only through {@code --conf spark.hadoop.fs.s3a.*}, and its secret key appears nowhere in the
 * run directory, the driver's output (logs at INFO) or the executors' logs.
 */
class S3aDataOnLocalClusterTest {
    private static final String BUCKET = "fashion";

    @TempDir
    Path dir;

    @Test
    void aSearchReadsS3aDataWithOnlySparkHadoopConfs() throws Exception {
        Path sparkHome = Path.of(System.getenv("SPARK_HOME"));
        Files.createDirectories(sparkHome.resolve("jars"));
        try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"))) {
            upload(s3, 1000);
            Path spec = Files.writeString(
                    dir.resolve("s3a.yaml"), """
                    name: s3a
                    task: classification
                    %s
                    search: {sampler: random, n_iter: 2, cv: 2, seed: 3}
                    space:
                      n_neurons: {int: [8, 32]}
                    training: {max_epochs: 1, batch_size: 64}
                    """.formatted(IdxSubset.specData("s3a://" + BUCKET + "/data")));
            Path out = dir.resolve("run");
            Path output = dir.resolve("driver-output.txt");
            List<String> args = new ArrayList<>(List.of(
                    "search",
                    spec.toString(),
                    "--out",
                    out.toString(),
                    "--master",
                    "local-cluster[2,1,1024]",
                    "--conf",
                    "spark.executor.extraClassPath=" + System.getProperty("java.class.path")));
            s3.s3aSettings().forEach(setting -> args.addAll(List.of("--conf", "spark.hadoop." + setting)));
            long started = System.currentTimeMillis();

            int exit = DriverProcess.run(output, Duration.ofMinutes(3), args.toArray(String[]::new));

            assertEquals(0, exit, "exit status; output: " + Files.readString(output));
            List<Map<String, String>> rows = LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME));
            assertEquals(2, rows.size());
            rows.forEach(row -> assertEquals("ok", row.get("status"), row.get("message")));
            List<Path> written = new ArrayList<>(filesUnder(out));
            written.add(output);
            written.addAll(filesUnder(sparkHome.resolve("work")).stream()
                    .filter(f -> f.toFile().lastModified() >= started)
                    .toList());
            assertTrue(
                    written.stream().anyMatch(f -> f.getFileName().toString().equals("stderr")),
                    "the executors' logs are checked too: " + written);
            for (Path file : written) {
                assertFalse(
                        Files.readString(file, StandardCharsets.ISO_8859_1).contains(s3.secretKey()),
                        "the S3 secret key is written in " + file);
            }
        }
    }

    /** Puts the first {@code count} training examples in the bucket, through S3A with the server's credentials. */
    private static void upload(S3ProxyServer s3, int count) throws IOException {
        s3.createBucket(BUCKET);
        try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"), s3.s3aConfiguration())) {
            IdxSubset.write(fs, new org.apache.hadoop.fs.Path("/data"), count);
        }
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
