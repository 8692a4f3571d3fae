package io.sparktune.refit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardFiles;
import io.sparktune.results.TrialFixtures;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.LabeledData;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A retrained model zip restores in a JVM that has only DL4J and ND4J on its class path, no class of sparktune, and
 * predicts there what it predicts in sparktune: for each optimizer whose fast path is sparktune's (Adam, momentum),
 * DL4J's own ones, the cosine learning-rate schedule and a Huber regression. Sparktune's {@code evaluate} still
 * scores each zip exactly as {@code retrain} scored the trained network.
 */
class PortableModelZipTest {
    private static final int EXAMPLES = 5;
    private static final String BOSTON_DIR =
            System.getProperty("sklearn.data.dir", "/usr/local/share/datasets/sklearn");
    private static final Map<String, Object> COSINE =
            Map.of("lr_schedule", "cosine", "lr_decay_epochs", 3, "lr_min_ratio", 0.1);

    @TempDir
    Path dir;

    /** One retrain: a leaderboard row of a run, and whether its zip must report a difference from its training. */
    record Case(Path runDir, int trial, boolean differs) {
        String name() {
            return runDir.getFileName() + "-" + trial;
        }
    }

    @Test
    void bestZipRestoresWithPlainDl4jAndPredictsWhatSparktunePredicts() throws Exception {
        Path fashion = run(
                "fashion",
                "classification",
                FashionMnist.specData(0),
                "",
                trial(1, "adam", COSINE),
                trial(2, "nadam", Map.of()),
                trial(3, "momentum", COSINE),
                trial(4, "nesterov", Map.of()),
                trial(5, "sgd", COSINE));
        Path boston = run(
                "boston",
                "regression",
                """
                data:
                  format: csv
                  train: {path: %s/boston_train.csv}
                  test: {path: %s/boston_test.csv}
                  label: MEDV""".formatted(BOSTON_DIR, BOSTON_DIR),
                ", loss: huber, huber_delta: 2.0",
                trial(6, "adam", COSINE));
        List<Case> cases = List.of(
                new Case(fashion, 1, false),
                new Case(fashion, 2, false),
                new Case(fashion, 3, true),
                new Case(fashion, 4, false),
                new Case(fashion, 5, false),
                new Case(boston, 6, true));

        List<String> childArgs = new ArrayList<>();
        List<float[][]> expected = new ArrayList<>();
        for (Case c : cases) {
            Path zip = dir.resolve(c.name() + ".zip");
            Retrainer.Selection row = new Retrainer.Selection(null, "trial-%04d".formatted(c.trial()));
            Retrainer.Outcome outcome =
                    Retrainer.retrain(c.runDir(), row, zip, Retrainer.Schedule.wholeSet(1, null), 600);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                byte[] configuration =
                        file.getInputStream(file.getEntry("configuration.json")).readAllBytes();
                String json = new String(configuration, StandardCharsets.UTF_8);
                assertFalse(json.contains("io.sparktune"), c.name() + ": " + json);
            }
            JsonNode description =
                    new ObjectMapper().readTree(Path.of(zip + ".json").toFile());
            JsonNode differences = description.get("portable_differences");
            assertEquals(c.differs(), !differences.isEmpty(), c.name() + ": " + differences);

            ModelEvaluator.TestData data = ModelEvaluator.resolve(c.runDir().toString(), null);
            // to float rounding: the Huber network predicted through DL4J's output(), the saved MSE one through ours
            Map<String, Double> evaluated = ModelEvaluator.evaluate(zip, data).metrics();
            assertEquals(outcome.testMetrics().keySet(), evaluated.keySet());
            outcome.testMetrics()
                    .forEach((metric, score) -> assertEquals(
                            score,
                            evaluated.get(metric),
                            1e-6 * Math.abs(score),
                            c.name() + ": evaluate scores the zip as retrain scored the trained net"));

            LabeledData test = DataCache.load(data.test());
            Path features = dir.resolve(c.name() + ".csv");
            Files.write(features, csvLines(test));
            childArgs.addAll(List.of(zip.toString(), features.toString()));
            expected.add(predictInThisJvm(zip, test));
        }

        List<String> classPath = plainDl4jClassPath();
        try (URLClassLoader plain = new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader())) {
            plain.loadClass("org.deeplearning4j.util.ModelSerializer");
            assertThrows(ClassNotFoundException.class, () -> plain.loadClass(PortableModelZipTest.class.getName()));
            assertThrows(ClassNotFoundException.class, () -> plain.loadClass("io.sparktune.worker.fastpath.FusedAdam"));
        }
        List<String> lines = runPlainDl4j(classPath, childArgs);
        for (int i = 0; i < cases.size(); i++) {
            int header = lines.indexOf("model " + childArgs.get(2 * i));
            assertTrue(header >= 0, String.join("\n", lines));
            for (int row = 0; row < EXAMPLES; row++) {
                float[] outputs = parseFloats(lines.get(header + 1 + row));
                float[] mine = expected.get(i)[row];
                assertEquals(mine.length, outputs.length, cases.get(i).name());
                for (int k = 0; k < mine.length; k++) {
                    assertEquals(mine[k], outputs[k], 1e-6, cases.get(i).name() + " example " + row + " output " + k);
                }
            }
        }
    }

    private static TrialRecord trial(int number, String optimizer, Map<String, Object> schedule) {
        Map<String, Object> params = new TreeMap<>(Map.of(
                "optimizer",
                optimizer,
                "n_neurons",
                16 + number,
                "learning_rate",
                optimizer.equals("sgd") ? 0.05 : 3e-3));
        params.putAll(schedule);
        return TrialFixtures.trial(number, params, TrialStatus.OK, 0.5, 0.5);
    }

    /** A run directory with a spec and a leaderboard of {@code trials}. */
    private Path run(String name, String task, String data, String training, TrialRecord... trials) throws IOException {
        Path runDir = Files.createDirectories(dir.resolve(name));
        Files.writeString(runDir.resolve("spec.yaml"), """
                name: %s
                task: %s
                %s
                search: {n_iter: 1, cv: 2, seed: 1}
                space: {n_neurons: {int: [8, 64]}}
                training: {max_epochs: 2, patience: 1, batch_size: 32%s}
                """.formatted(name, task, data, training));
        LeaderboardFiles.write(Leaderboard.from(List.of(trials)), runDir);
        return runDir;
    }

    /** The first test examples' raw features, one comma-separated line each. */
    private static List<String> csvLines(LabeledData test) {
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < EXAMPLES; row++) {
            StringJoiner line = new StringJoiner(",");
            for (int col = 0; col < test.cols(); col++) {
                line.add(Float.toString(test.features()[row * test.cols() + col]));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The outputs of the zip restored here, where sparktune's classes are loadable, for the first examples. */
    private static float[][] predictInThisJvm(Path zip, LabeledData test) throws IOException {
        Pair<MultiLayerNetwork, Normalizer> saved =
                ModelSerializer.restoreMultiLayerNetworkAndNormalizer(zip.toFile(), true);
        INDArray features = Nd4j.create(Arrays.copyOf(test.features(), EXAMPLES * test.cols()), EXAMPLES, test.cols());
        ((DataNormalization) saved.getSecond()).transform(features);
        INDArray outputs = saved.getFirst().output(features);
        float[][] rows = new float[EXAMPLES][];
        for (int row = 0; row < EXAMPLES; row++) {
            rows[row] = outputs.getRow(row).toFloatVector();
        }
        return rows;
    }

    /** This JVM's class path without any directory or jar holding sparktune's classes (its modules' builds). */
    private static List<String> plainDl4jClassPath() throws IOException {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            boolean ours;
            if (Files.isDirectory(path)) {
                ours = Files.exists(path.resolve("io/sparktune"));
            } else if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(path.toFile())) {
                    ours = jar.stream().anyMatch(e -> e.getName().startsWith("io/sparktune/"));
                }
            } else {
                ours = false;
            }
            if (!ours) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static URL[] urls(List<String> classPath) throws IOException {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(classPath.get(i)).toUri().toURL();
        }
        return urls;
    }

    /**
     * Compiles {@code PredictWithPlainDl4j} (a test resource, so not on sparktune's class path) against
     * {@code classPath} and runs it in a new JVM with that class path and the native backend's JVM flags.
     */
    private List<String> runPlainDl4j(List<String> classPath, List<String> args) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("plain-dl4j-classes"));
        Path source = dir.resolve("PredictWithPlainDl4j.java");
        try (var in = PortableModelZipTest.class.getResourceAsStream("/plain-dl4j/PredictWithPlainDl4j.java")) {
            Files.write(source, in.readAllBytes());
        }
        String path = String.join(File.pathSeparator, classPath);
        assertEquals(
                0,
                ToolProvider.getSystemJavaCompiler()
                        .run(null, null, null, "-cp", path, "-d", classes.toString(), source.toString()),
                "javac of " + source);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx1g"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("-Dorg.bytedeco"))
                .forEach(command::add);
        command.addAll(List.of("-cp", classes + File.pathSeparator + path, "PredictWithPlainDl4j"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectError(dir.resolve("plain-dl4j.err").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process child = builder.start();
        byte[] out = child.getInputStream().readAllBytes();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the plain DL4J JVM did not finish");
        String stdout = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), stdout + Files.readString(dir.resolve("plain-dl4j.err")));
        return List.of(stdout.split("\n"));
    }

    private static float[] parseFloats(String line) {
        String[] cells = line.trim().split(" ");
        float[] values = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = Float.parseFloat(cells[i]);
        }
        return values;
    }
}
