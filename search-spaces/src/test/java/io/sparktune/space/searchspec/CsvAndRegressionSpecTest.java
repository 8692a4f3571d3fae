package io.sparktune.space.searchspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV data, standardization, regression losses, scorers and the stopping keys of the training section. */
class CsvAndRegressionSpecTest {
    @TempDir
    Path dir;

    private String spec(String task, String data, String search, String training) throws Exception {
        Files.writeString(dir.resolve("houses.csv"), "a,b,price\n1,2,3\n");
        Files.write(dir.resolve("images.gz"), new byte[] {1});
        Files.write(dir.resolve("labels.gz"), new byte[] {2});
        return """
                name: houses
                task: %s
                data: %s
                search: {n_iter: 3%s}
                space: {n_neurons: {int: [4, 8]}}
                training: {max_epochs: 5%s}
                """.formatted(task, data.replace("DIR", dir.toString()), search, training);
    }

    @Test
    void readsACsvRegressionSpec() throws Exception {
        SearchSpec parsed = SpecParser.parse(
                spec(
                        "regression",
                        "{format: csv, train: {path: DIR/houses.csv}, label: price, skip_rows: 1}",
                        ", scoring: r2",
                        ", loss: huber, huber_delta: 2.5, min_delta: 0.001, max_trial_seconds: 30"),
                "t.yaml");

        assertEquals(
                new DataSpec(
                        DataFormat.CSV,
                        DataFiles.csv(dir + "/houses.csv"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("price"),
                        1,
                        true),
                parsed.data());
        assertEquals(Scoring.R2, parsed.search().scoring());
        assertEquals(new TrainingSettings(5, 2, 32, Loss.HUBER, 2.5, 0.001, 30.0), parsed.training());
    }

    @Test
    void regressionDefaultsToSquaredErrorAndItsNegatedScore() throws Exception {
        SearchSpec parsed = SpecParser.parse(
                spec("regression", "{format: csv, train: {path: DIR/houses.csv}, label: price}", "", ""), "t.yaml");

        assertEquals(Scoring.NEG_MEAN_SQUARED_ERROR, parsed.search().scoring());
        assertEquals(Loss.MSE, parsed.training().loss());
        assertEquals(0, parsed.data().skipRows());
    }

    @Test
    void reportsFormatTaskAndStoppingMistakes() throws Exception {
        List<String> csvProblems = TestSpecs.problems(spec(
                "regression",
                "{format: csv, train: {images: DIR/images.gz}}",
                ", scoring: accuracy",
                ", loss: cross_entropy, min_delta: -1, max_trial_seconds: 0"));
        assertEquals(
                List.of(
                        "data.label: required for format csv (the name of the label column)",
                        "data.train.images: unknown key (expected one of path)",
                        "data.train.path: required",
                        "search.scoring: unknown value 'accuracy' (expected one of neg_mean_squared_error, "
                                + "neg_mean_absolute_error, r2)",
                        "training.loss: unknown value 'cross_entropy' (expected one of mse, mae, huber)",
                        "training.max_trial_seconds: must be > 0 (got 0)",
                        "training.min_delta: must be ≥ 0 (got -1)"),
                csvProblems.stream().sorted().toList());

        List<String> idxProblems = TestSpecs.problems(spec(
                "classification",
                "{format: idx, train: {images: DIR/images.gz, labels: DIR/labels.gz}, label: y, skip_rows: 2}",
                ", scoring: r2",
                ", loss: mse"));
        assertEquals(
                List.of(
                        "data.label: only for format csv",
                        "data.skip_rows: only for format csv",
                        "search.scoring: unknown value 'r2' (expected one of accuracy, neg_log_loss)",
                        "training.loss: unknown value 'mse' (expected one of cross_entropy)"),
                idxProblems.stream().sorted().toList());
    }

    @Test
    void standardizesUnlessTheSpecSaysNot() throws Exception {
        String idx = "{format: idx, train: {images: DIR/images.gz, labels: DIR/labels.gz}%s}";
        assertTrue(SpecParser.parse(spec("classification", idx.formatted(""), "", ""), "t.yaml")
                .data()
                .standardize());
        assertFalse(SpecParser.parse(spec("classification", idx.formatted(", standardize: false"), "", ""), "t.yaml")
                .data()
                .standardize());
        assertTrue(SpecParser.parse(
                        spec(
                                "regression",
                                "{format: csv, train: {path: DIR/houses.csv}, label: price, standardize: true}",
                                "",
                                ""),
                        "t.yaml")
                .data()
                .standardize());

        assertEquals(
                List.of("data.standardize: must be true or false (got \"yes please\")"),
                TestSpecs.problems(spec("classification", idx.formatted(", standardize: yes please"), "", "")));
    }
}
