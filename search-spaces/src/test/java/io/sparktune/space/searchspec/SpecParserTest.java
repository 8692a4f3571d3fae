package io.sparktune.space.searchspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Fixed;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.LogUniform;
import io.sparktune.space.distribution.Uniform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecParserTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "fashion-mlp.yaml");
    private static final String FASHION = "/usr/share/datasets/fashion-mnist/";

    private static final String EXAMPLE_AS_JSON = """
            {
              "name": "fashion-mlp",
              "task": "classification",
              "data": {
                "format": "idx",
                "train": {"images": "%1$strain-images-idx3-ubyte.gz", "labels": "%1$strain-labels-idx1-ubyte.gz"},
                "test": {"images": "%1$st10k-images-idx3-ubyte.gz", "labels": "%1$st10k-labels-idx1-ubyte.gz"},
                "limit": 12000
              },
              "search": {"sampler": "random", "n_iter": 10, "cv": 3, "seed": 42},
              "space": {
                "n_hidden": {"int": [0, 3]},
                "n_neurons": {"int": [1, 100]},
                "learning_rate": {"loguniform": [3.0e-4, 3.0e-2]},
                "optimizer": {"choice": ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "nadam"]},
                "dropout": {"uniform": [0.0, 0.5]}
              },
              "training": {"max_epochs": 20, "patience": 2, "batch_size": 32}
            }
            """.formatted(FASHION);

    @Test
    void exampleParsesToTheExpectedSpec() throws Exception {
        SearchSpec expected = new SearchSpec(
                "fashion-mlp",
                Task.CLASSIFICATION,
                new DataSpec(
                        DataFormat.IDX,
                        DataFiles.idx(FASHION + "train-images-idx3-ubyte.gz", FASHION + "train-labels-idx1-ubyte.gz"),
                        Optional.of(DataFiles.idx(
                                FASHION + "t10k-images-idx3-ubyte.gz", FASHION + "t10k-labels-idx1-ubyte.gz")),
                        Optional.of(12000)),
                SearchSettings.builder().nIter(10).cv(3).seed(42L).build(),
                SearchSpace.of(Map.of(
                        HyperParameter.N_HIDDEN, new IntRange(0, 3),
                        HyperParameter.N_NEURONS, new IntRange(1, 100),
                        HyperParameter.LEARNING_RATE, new LogUniform(3.0e-4, 3.0e-2),
                        HyperParameter.OPTIMIZER,
                                new Choice(
                                        List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "nadam")),
                        HyperParameter.DROPOUT, new Uniform(0.0, 0.5))),
                new TrainingSettings(20, 2, 32));

        SearchSpec spec = SpecParser.parse(EXAMPLE);

        assertEquals(expected, spec);
        assertEquals(3, spec.search().folds());
        assertEquals(
                List.of(
                        HyperParameter.N_HIDDEN,
                        HyperParameter.N_NEURONS,
                        HyperParameter.LEARNING_RATE,
                        HyperParameter.OPTIMIZER,
                        HyperParameter.DROPOUT),
                List.copyOf(spec.space().dimensions().keySet()));
    }

    @Test
    void sameSpecAsJsonParsesToAnEqualSpec(@TempDir Path dir) throws Exception {
        SearchSpec fromYaml = SpecParser.parse(EXAMPLE);

        Path jsonFile = dir.resolve("fashion-mlp.json");
        Files.writeString(jsonFile, EXAMPLE_AS_JSON);

        assertEquals(fromYaml, SpecParser.parse(jsonFile));
        // a leading '{' selects JSON whatever the source is called
        assertEquals(fromYaml, SpecParser.parse("\n  " + EXAMPLE_AS_JSON, "from-stdin"));
    }

    @Test
    void jsonSourceIsReadWithTheJsonParser(@TempDir Path dir) throws IOException {
        // valid YAML, invalid JSON: a .json name must not fall back to YAML
        String yamlOnly = TestSpecs.yaml(TestSpecs.withDataFiles(dir), "dropout: 0.1");

        List<String> problems = assertThrows(SpecException.class, () -> SpecParser.parse(yamlOnly, "spec.json"))
                .problems();

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("spec.json:1:"), problems.get(0));
    }

    @Test
    void optionalSettingsTakeTheirDefaults(@TempDir Path dir) throws Exception {
        SearchSpec spec = SpecParser.parse(TestSpecs.yaml(TestSpecs.withDataFiles(dir), "dropout: 0.1"), "t.yaml");

        assertEquals(
                SearchSettings.builder()
                        .sampler(new SamplerSettings.Random())
                        .nIter(5)
                        .cv(3)
                        .validationSplit(0.0)
                        .seed(0L)
                        .scoring(Scoring.NEG_MEAN_SQUARED_ERROR)
                        .build(),
                spec.search());
        assertEquals(new TrainingSettings(20, 2, 32, Loss.MSE, 1.0, 0.0, 0.0), spec.training());
        assertEquals(Optional.empty(), spec.data().test());
        assertEquals(Optional.empty(), spec.data().limit());
        assertEquals(Task.REGRESSION, spec.task());
    }

    @Test
    void validationSplitReplacesTheDefaultFolds(@TempDir Path dir) throws Exception {
        String text = TestSpecs.yaml(TestSpecs.withDataFiles(dir), "dropout: 0.1")
                .replace("n_iter: 5", "n_iter: 5\n  validation_split: 0.2\n  seed: -7");

        SearchSettings search = SpecParser.parse(text, "t.yaml").search();

        assertEquals(
                SearchSettings.builder()
                        .nIter(5)
                        .cv(0)
                        .validationSplit(0.2)
                        .seed(-7L)
                        .scoring(Scoring.NEG_MEAN_SQUARED_ERROR)
                        .build(),
                search);
        assertEquals(1, search.folds());
    }

    @Test
    void valuesTakeTheirHyperparametersType(@TempDir Path dir) throws Exception {
        String space = """
                optimizer: adam
                n_neurons: {choice: [16, 32]}
                l2: {choice: [0, 1.0e-4]}
                activation: {fixed: relu}
                dropout: {uniform: [0, 1.0e-1]}
                """;

        SearchSpace parsed = SpecParser.parse(TestSpecs.yaml(TestSpecs.withDataFiles(dir), space), "t.yaml")
                .space();

        assertEquals(new Fixed("adam"), parsed.dimensions().get(HyperParameter.OPTIMIZER));
        assertEquals(new Choice(List.of(16, 32)), parsed.dimensions().get(HyperParameter.N_NEURONS));
        // l2 is real-valued: the 0 written as an integer becomes 0.0, so it reads back from a leaderboard the same
        assertEquals(new Choice(List.of(0.0, 1.0e-4)), parsed.dimensions().get(HyperParameter.L2));
        assertEquals(new Fixed("relu"), parsed.dimensions().get(HyperParameter.ACTIVATION));
        assertEquals(new Uniform(0.0, 0.1), parsed.dimensions().get(HyperParameter.DROPOUT));
    }

    @Test
    void fileUrisAreCheckedAndRemoteLocationsAreNot(@TempDir Path dir) throws Exception {
        TestSpecs.withDataFiles(dir);
        String text = TestSpecs.yaml(dir, "dropout: 0.1")
                .replace(dir + "/images.gz", dir.resolve("images.gz").toUri().toString())
                .replace(dir + "/labels.gz", "hdfs://namenode/data/labels.gz");

        DataFiles train = SpecParser.parse(text, "t.yaml").data().train();

        assertEquals(dir.resolve("images.gz").toUri().toString(), train.images());
        assertEquals("hdfs://namenode/data/labels.gz", train.labels());
    }
}
