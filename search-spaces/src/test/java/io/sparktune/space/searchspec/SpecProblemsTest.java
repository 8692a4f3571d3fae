package io.sparktune.space.searchspec;

import static io.sparktune.space.searchspec.TestSpecs.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mistake is reported, each naming its path, all in one exception. */
class SpecProblemsTest {
    private static final String OPTIMIZERS = "sgd, momentum, nesterov, adagrad, rmsprop, adam, nadam, adamax, amsgrad";

    @TempDir
    Path dir;

    @BeforeEach
    void createDataFiles() throws IOException {
        TestSpecs.withDataFiles(dir);
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        String text = """
                name: bad
                task: classification
                data:
                  format: idx
                  train: {images: %1$s/missing.gz, labels: %1$s/labels.gz}
                search:
                  n_iter: 0
                space:
                  optimzer: {choice: [sgd, adam]}
                  n_neurons: {int: [100, 10]}
                  optimizer: {choice: [adam, adamw]}
                """.formatted(dir);

        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(text, "bad.yaml"));

        List<String> expected = List.of(
                "data.train.images: file not found (" + dir + "/missing.gz)",
                "search.n_iter: must be ≥ 1 (got 0)",
                "space.optimzer: unknown key (did you mean 'optimizer'?)",
                "space.n_neurons.int: low must be ≤ high (got 100 > 10)",
                "space.optimizer.choice[1]: unknown value 'adamw' (expected one of " + OPTIMIZERS + ")");
        assertEquals(sorted(expected), sorted(e.problems()));
        assertEquals(String.join("\n", e.problems()), e.getMessage());
    }

    @Test
    void reportsMissingAndMistypedTopLevelValues() {
        String text = """
                task: clasification
                data: {format: parquet, train: {images: 5}, limit: 0}
                search: {sampler: bayes, n_iter: "abc", cv: 3, validation_split: 1.5, seed: 1.5}
                space: {dropout: 0.1}
                training: {max_epochs: 0, patience: -1, batch_size: 2000000, epochs: 3}
                extra: 1
                """;

        assertEquals(
                sorted(List.of(
                        "extra: unknown key (expected one of name, task, data, search, space, training)",
                        "name: required",
                        "task: unknown value 'clasification' (expected one of classification, regression)",
                        "data.format: unknown value 'parquet' (expected one of idx, csv)",
                        "data.train.images: must be a string (got 5)",
                        "data.train.labels: required",
                        "data.limit: must be ≥ 1 (got 0)",
                        "search.sampler: unknown value 'bayes' (expected one of random, grid, tpe)",
                        "search.n_iter: must be an integer (got \"abc\")",
                        "search: set either cv or validation_split, not both",
                        "search.validation_split: must be > 0 and < 1 (got 1.5)",
                        "search.seed: must be an integer (got 1.5)",
                        "training.epochs: unknown key (expected one of max_epochs, patience, batch_size, loss, huber_delta, min_delta, max_trial_seconds)",
                        "training.max_epochs: must be ≥ 1 (got 0)",
                        "training.patience: must be ≥ 0 (got -1)",
                        "training.batch_size: must be ≤ 1000000 (got 2000000)")),
                sorted(problems(text)));
    }

    @Test
    void reportsMissingSections() {
        assertEquals(
                sorted(List.of(
                        "name: must not be empty",
                        "data: required",
                        "search: required",
                        "space: required",
                        "training: must be a mapping (got a list)")),
                sorted(problems("name: ' '\ntask: regression\ntraining: [1]\n")));
    }

    static Stream<Arguments> badDistributions() {
        return Stream.of(
                Arguments.of(
                        "learning_rate: {loguniform: [-0.1, 0.1]}",
                        List.of("space.learning_rate.loguniform: low must be > 0 (got -0.1)")),
                Arguments.of(
                        "n_hidden: {int: [1, 2.5]}", List.of("space.n_hidden.int[1]: must be an integer (got 2.5)")),
                Arguments.of(
                        "n_hidden: {int: [0, 100]}", List.of("space.n_hidden.int: high must be in [0, 64] (got 100)")),
                Arguments.of(
                        "dropout: {uniform: [0.1]}",
                        List.of("space.dropout.uniform: must be a list [low, high] (got a list)")),
                Arguments.of(
                        "dropout: {uniform: [a, 0.2]}",
                        List.of("space.dropout.uniform[0]: must be a number (got \"a\")")),
                Arguments.of(
                        "dropout: {uniform: [0.1, 1e400]}",
                        List.of("space.dropout.uniform[1]: must be finite (got Infinity)")),
                Arguments.of(
                        "optimizer: {uniform: [0, 1]}",
                        List.of("space.optimizer.uniform: not allowed for optimizer, a categorical hyperparameter "
                                + "(use choice or fixed)")),
                Arguments.of(
                        "n_hidden: {uniform: [0, 1]}",
                        List.of("space.n_hidden.uniform: not allowed for n_hidden, an integer hyperparameter "
                                + "(use int, intlog, choice or fixed)")),
                Arguments.of(
                        "dropout: {unifrom: [0, 1]}",
                        List.of("space.dropout.unifrom: unknown key (did you mean 'uniform'?)")),
                Arguments.of(
                        "dropout: {uniform: [0, 0.1], choice: [0.2]}",
                        List.of("space.dropout: must have exactly one of the keys int, intlog, uniform, loguniform, "
                                + "choice or fixed (got uniform, choice)")),
                Arguments.of(
                        "optimizer: {choice: []}",
                        List.of("space.optimizer.choice: must be a non-empty list of values (got a list)")),
                Arguments.of(
                        "optimizer: [sgd, adam]",
                        List.of("space.optimizer: must be a distribution such as {uniform: [low, high]} or a single "
                                + "value (got a list)")),
                Arguments.of(
                        "n_neurons: {fixed: 0}", List.of("space.n_neurons.fixed: must be in [1, 1000000] (got 0)")),
                Arguments.of(
                        "activation: {choice: [relu, [tanh]]}",
                        List.of("space.activation.choice[1]: must be a number, string or boolean (got a list)")),
                Arguments.of(
                        "{}",
                        List.of("space: must name at least one hyperparameter (n_hidden, n_neurons, "
                                + "learning_rate, optimizer, dropout, activation, l2, batch_size, neurons_per_layer, funnel, "
                                + "weight_init, batch_norm, l1, momentum, beta1, beta2, epsilon, rho, lr_schedule, lr_decay_rate, "
                                + "lr_decay_epochs, lr_min_ratio)")));
    }

    @ParameterizedTest
    @MethodSource("badDistributions")
    void reportsBadDistributions(String space, List<String> expected) {
        assertEquals(expected, problems(TestSpecs.yaml(dir, space)));
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
