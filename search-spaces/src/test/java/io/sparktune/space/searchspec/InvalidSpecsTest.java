package io.sparktune.space.searchspec;

import static io.sparktune.space.searchspec.TestSpecs.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One mistake per spec, in the space or the sampler settings; each must be reported as exactly one line naming its
 * field. The spec is otherwise valid, so a rule that stops firing (or fires too often) fails here.
 */
class InvalidSpecsTest {
    private static final String ADAM_FAMILY = "optimizer is adam, nadam, adamax or amsgrad";

    @TempDir
    Path dir;

    @BeforeEach
    void createDataFiles() throws IOException {
        TestSpecs.withDataFiles(dir);
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                // distributions
                bad("", "n_neurons: {intlog: [0, 100]}", "space.n_neurons.intlog: low must be ≥ 1 (got 0)"),
                bad("", "n_neurons: {intlog: [100, 10]}", "space.n_neurons.intlog: low must be ≤ high (got 100 > 10)"),
                bad("", "n_neurons: {intlog: [1.5, 8]}", "space.n_neurons.intlog[0]: must be an integer (got 1.5)"),
                bad(
                        "",
                        "dropout: {intlog: [1, 2]}",
                        "space.dropout.intlog: not allowed for dropout, a real-valued "
                                + "hyperparameter (use uniform, loguniform, choice or fixed)"),
                bad("", "n_neurons: {intlgo: [1, 8]}", "space.n_neurons.intlgo: unknown key (did you mean 'intlog'?)"),
                bad("", "dropout: {uniform: [0.5, 0.1]}", "space.dropout.uniform: low must be ≤ high (got 0.5 > 0.1)"),
                bad("", "dropout: {uniform: [0, .inf]}", "space.dropout.uniform[1]: must be finite (got .inf)"),
                bad("", "epsilon: {loguniform: [0, 1.0e-3]}", "space.epsilon.loguniform: low must be > 0 (got 0)"),
                bad(
                        "",
                        "optimizer: {choice: [adam, sgd], weights: [1]}",
                        "space.optimizer.weights: must be a list of 2 numbers, one per value (got 1)"),
                bad(
                        "",
                        "optimizer: {choice: [adam, sgd], weights: [1, -2]}",
                        "space.optimizer.weights[1]: must be > 0 (got -2)"),
                bad(
                        "",
                        "optimizer: {choice: [adam, sgd], weights: [1, .nan]}",
                        "space.optimizer.weights[1]: must be finite (got .nan)"),
                bad(
                        "",
                        "optimizer: {choice: [adam, sgd], weights: heavy}",
                        "space.optimizer.weights: must be a list of 2 numbers, one per value (got \"heavy\")"),
                bad(
                        "",
                        "dropout: {uniform: [0, 0.5], weights: [1, 2]}",
                        "space.dropout.weights: only allowed with choice"),
                bad(
                        "",
                        "optimizer: {choice: [adam, sgd, adam]}",
                        "space.optimizer.choice[2]: duplicate value \"adam\""),
                bad("", "l2: {choice: [0, 0.0]}", "space.l2.choice[1]: duplicate value 0.0"),
                // values of the hyperparameters
                bad(
                        "",
                        "activation: {choice: [relu, swish]}",
                        "space.activation.choice[1]: unknown value 'swish' "
                                + "(expected one of relu, leakyrelu, elu, selu, tanh, sigmoid, gelu)"),
                bad(
                        "",
                        "weight_init: xavier",
                        "space.weight_init: unknown value 'xavier' (expected one of auto, "
                                + "he_normal, he_uniform, glorot_normal, glorot_uniform, lecun_normal, lecun_uniform)"),
                bad("", "weight_int: he_normal", "space.weight_int: unknown key (did you mean 'weight_init'?)"),
                bad(
                        "",
                        "batch_norm: {choice: [true, maybe]}",
                        "space.batch_norm.choice[1]: unknown value 'maybe' (expected one of false, true)"),
                bad(
                        "",
                        "optimizer: adamw",
                        "space.optimizer: unknown value 'adamw' (expected one of sgd, momentum, "
                                + "nesterov, adagrad, rmsprop, adam, nadam, adamax, amsgrad)"),
                bad(
                        "",
                        "lr_schedule: linear",
                        "space.lr_schedule: unknown value 'linear' (expected one of none, exponential, step, cosine)"),
                bad("", "n_neurons: 5000000", "space.n_neurons: must be in [1, 1000000] (got 5000000)"),
                bad(
                        "",
                        "neurons_per_layer: {int: [1, 2000000]}",
                        "space.neurons_per_layer.int: high must be in [1, 1000000] (got 2000000)"),
                bad(
                        "",
                        "neurons_per_layer: {uniform: [1, 10]}",
                        "space.neurons_per_layer.uniform: not allowed for "
                                + "neurons_per_layer, an integer hyperparameter (use int, intlog, choice or fixed)"),
                bad(
                        "",
                        "optimizer: momentum\nmomentum: {uniform: [0.5, 1.0]}",
                        "space.momentum.uniform: high must be in [0.0, 0.999] (got 1.0)"),
                bad(
                        "",
                        "lr_schedule: step\nlr_decay_epochs: 0",
                        "space.lr_decay_epochs: must be in [1, 10000] (got 0)"),
                // hyperparameters against each other
                bad(
                        "",
                        "momentum: 0.9",
                        "space.momentum: never applies: used only when optimizer is momentum or "
                                + "nesterov, and optimizer is not in the space and defaults to adam"),
                bad(
                        "",
                        "optimizer: {choice: [sgd, momentum]}\nbeta1: 0.8",
                        "space.beta1: never applies: used only when " + ADAM_FAMILY + ", and space.optimizer never is"),
                bad(
                        "",
                        "optimizer: adam\nrho: 0.9",
                        "space.rho: never applies: used only when optimizer is rmsprop, and space.optimizer never is"),
                bad(
                        "",
                        "lr_decay_rate: 0.5",
                        "space.lr_decay_rate: never applies: used only when lr_schedule is "
                                + "exponential or step, and lr_schedule is not in the space and defaults to none"),
                bad(
                        "",
                        "lr_schedule: step\nlr_min_ratio: 0.1",
                        "space.lr_min_ratio: never applies: used only when "
                                + "lr_schedule is cosine, and space.lr_schedule never is"),
                bad(
                        "",
                        "funnel: 0.5",
                        "space.funnel: never applies: used only when n_hidden ≥ 2, and n_hidden is not "
                                + "in the space and defaults to 1"),
                bad(
                        "",
                        "n_hidden: 0\nbatch_norm: true",
                        "space.batch_norm: never applies: used only when "
                                + "n_hidden ≥ 1, and space.n_hidden never is"),
                bad(
                        "",
                        "n_neurons: 64\nneurons_per_layer: {int: [8, 64]}",
                        "space.n_neurons: cannot be combined with "
                                + "neurons_per_layer (per-layer widths replace the shared width)"),
                // sampler settings
                bad(
                        "sampler: grid",
                        "dropout: {uniform: [0, 0.5]}\nlearning_rate: {loguniform: [1.0e-4, 1.0e-2]}",
                        "search.grid_points: required by sampler grid for the continuous space.learning_rate and "
                                + "space.dropout (the number of values to try in each range)"),
                bad(
                        "sampler: grid\nmax_grid: 100",
                        "n_neurons: {int: [1, 1000]}",
                        "search.max_grid: the grid has "
                                + "1000 candidates, more than max_grid 100 (raise search.max_grid, use fewer values, or use "
                                + "sampler random or tpe)"),
                bad(
                        "grid_points: 5",
                        "dropout: {uniform: [0, 0.5]}",
                        "search.grid_points: only used by sampler grid (sampler is random)"),
                bad(
                        "sampler: grid\nn_startup: 5",
                        "n_hidden: {int: [1, 3]}",
                        "search.n_startup: only used by sampler tpe (sampler is grid)"),
                bad("sampler: tpe\nn_startup: 0", "n_hidden: {int: [1, 3]}", "search.n_startup: must be ≥ 1 (got 0)"),
                bad(
                        "sampler: grid\ngrid_points: 1",
                        "dropout: {uniform: [0, 0.5]}",
                        "search.grid_points: must be ≥ 2 (got 1)"),
                bad(
                        "sampler: grid\nmax_grid: 1000000",
                        "n_hidden: 1",
                        "search.max_grid: must be ≤ 100000 (got 1000000)"),
                bad(
                        "sampler: Grid",
                        "n_hidden: 1",
                        "search.sampler: unknown value 'Grid' (expected one of random, grid, tpe)"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("invalidSpecs")
    void reportsExactlyTheMistakeWithItsPath(String search, String space, String expected) {
        assertEquals(List.of(expected), problems(withSearch(TestSpecs.yaml(dir, space), search)));
    }

    private static Arguments bad(String search, String space, String expected) {
        return Arguments.of(search, space, expected);
    }

    /** {@code extra} lines added to the search section of a {@link TestSpecs#yaml} spec. */
    static String withSearch(String text, String extra) {
        return extra.isEmpty() ? text : text.replace("  n_iter: 5\n", "  n_iter: 5\n" + extra.indent(2));
    }
}
