package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.LeaderboardCsv;
import io.sparktune.worker.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's {@code spark.hadoop.*} settings reach the executors' reads: the data is named through a {@code viewfs://}
 * mount table (Hadoop's own filesystem, no mock) that only a {@code --conf spark.hadoop.fs.viewfs.*} setting defines,
 * and the search runs on two executor JVMs of a {@code local-cluster} (Kryo serializer, as every search). Then
 * {@code retrain} and {@code evaluate} read the same data through another mount table that only their own
 * {@code --conf} defines.
 */
class HadoopConfOnExecutorsTest {
    @TempDir
    Path dir;

    @Test
    void executorsReadThroughAFilesystemOnlyTheSparkConfDefines() throws Exception {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        String mount = "viewfs://sparktune/fashion/";
        Path spec = Files.writeString(dir.resolve("viewfs.yaml"), """
                name: viewfs
                task: classification
                data:
                  format: idx
                  train: {images: %s, labels: %s}
                  test: {images: %s, labels: %s}
                  limit: 600
                search: {sampler: random, n_iter: 2, cv: 2, seed: 3}
                space:
                  n_neurons: {int: [8, 32]}
                training: {max_epochs: 1, batch_size: 64}
                """.formatted(
                        mount + FashionMnist.trainImages().getFileName(),
                        mount + FashionMnist.trainLabels().getFileName(),
                        mount + "t10k-images-idx3-ubyte.gz",
                        mount + "t10k-labels-idx1-ubyte.gz"));
        Path out = dir.resolve("run");

        assertEquals(
                0,
                Main.execute(
                        new Main(),
                        "search",
                        spec.toString(),
                        "--out",
                        out.toString(),
                        "--quiet",
                        "--master",
                        "local-cluster[2,1,1024]",
                        "--conf",
                        "spark.executor.extraClassPath=" + System.getProperty("java.class.path"),
                        "--conf",
                        "spark.hadoop.fs.viewfs.mounttable.sparktune.link./fashion="
                                + FashionMnist.DIR.toAbsolutePath().toUri()));

        List<Map<String, String>> rows = LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME));
        assertEquals(2, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals("ok", row.get("status"), row.get("message"));
        }

        // a mount table this JVM has not seen yet (Hadoop caches filesystems, and the search's settings stay installed)
        Path runSpec = out.resolve("spec.yaml");
        Files.writeString(runSpec, Files.readString(runSpec).replace(mount, "viewfs://refit/fashion/"));
        String refitMount = "spark.hadoop.fs.viewfs.mounttable.refit.link./fashion="
                + FashionMnist.DIR.toAbsolutePath().toUri();
        Path model = dir.resolve("best.zip");
        String[] retrain = {
            "retrain", out.toString(), "--rank", "1", "--model", model.toString(), "--limit", "600", "--epochs", "1"
        };
        assertNotEquals(0, Main.execute(new Main(), retrain), "without the setting viewfs://refit is unknown");
        assertEquals(0, Main.execute(new Main(), concat(retrain, "--conf", refitMount)));
        assertTrue(Files.isRegularFile(model));
        assertEquals(
                0,
                Main.execute(
                        new Main(),
                        "evaluate",
                        "--model",
                        model.toString(),
                        "--data",
                        out.toString(),
                        "--conf",
                        refitMount));
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
