package io.sparktune.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The closed set of hyperparameters a space may name, with the type and range of values each accepts and the value
 * used when the space leaves it out (Keras' defaults where Keras has one). Spec keys are these names; a spec never
 * names a Java class. Some apply only when another has certain values (momentum only to the momentum optimizers):
 * see {@link Conditions}.
 */
public enum HyperParameter {
    N_HIDDEN(Kind.INT, 0, 64, 1),
    N_NEURONS(Kind.INT, 1, 1_000_000, 30),
    LEARNING_RATE(Kind.REAL, Double.MIN_NORMAL, 100.0, 3e-3),
    OPTIMIZER(Optimizer.specNames(), Optimizer.ADAM.specName()),
    DROPOUT(Kind.REAL, 0.0, 0.95, 0.0),
    ACTIVATION(ActivationFunction.specNames(), ActivationFunction.RELU.specName()),
    L2(Kind.REAL, 0.0, 10.0, 0.0),
    BATCH_SIZE(Kind.INT, 1, 1_000_000, 32),
    /**
     * One width per hidden layer, each drawn from the space's distribution (an integer one), as many as the
     * candidate's {@code n_hidden}. Stored as text, widths joined by {@link LayerWidths#SEPARATOR}: {@code "128-64"}.
     */
    NEURONS_PER_LAYER(Kind.INT, 1, 1_000_000, null),
    /** Width ratio of consecutive hidden layers: layer i has {@code round(n_neurons · funnel^i)} units (at least 1). */
    FUNNEL(Kind.REAL, Double.MIN_NORMAL, 1.0, 1.0),
    /** Keras initializer names ({@link WeightInitializer}). */
    WEIGHT_INIT(WeightInitializer.specNames(), WeightInitializer.AUTO.specName()),
    /**
     * A batch-normalisation layer after each hidden dense layer; written {@code true}/{@code false}, stored as text.
     */
    BATCH_NORM(List.of("false", "true"), "false"),
    L1(Kind.REAL, 0.0, 10.0, 0.0),
    MOMENTUM(Kind.REAL, 0.0, 0.999, 0.9),
    BETA1(Kind.REAL, 0.0, 0.999999, 0.9),
    BETA2(Kind.REAL, 0.0, 0.999999, 0.999),
    EPSILON(Kind.REAL, Double.MIN_NORMAL, 1.0, 1e-7),
    RHO(Kind.REAL, 0.0, 0.999999, 0.9),
    /** Learning rate per epoch: constant, {@code lr·rate^epoch}, {@code lr·rate^⌊epoch/epochs⌋}, or a cosine decay. */
    LR_SCHEDULE(LrSchedule.specNames(), LrSchedule.NONE.specName()),
    LR_DECAY_RATE(Kind.REAL, Double.MIN_NORMAL, 1.0, 0.9),
    LR_DECAY_EPOCHS(Kind.INT, 1, 10_000, 10),
    /** The floor of the cosine decay as a fraction of the learning rate (Keras' {@code CosineDecay(alpha)}). */
    LR_MIN_RATIO(Kind.REAL, 0.0, 1.0, 0.0);

    /** What values a hyperparameter takes. */
    public enum Kind {
        INT,
        REAL,
        CATEGORY
    }

    private final Kind valueKind;
    private final double min;
    private final double max;
    private final List<String> categories;
    private final Object defaultValue;

    HyperParameter(Kind kind, double min, double max, Object defaultValue) {
        this.valueKind = kind;
        this.min = min;
        this.max = max;
        this.categories = List.of();
        this.defaultValue = defaultValue;
    }

    HyperParameter(List<String> categories, String defaultValue) {
        this.valueKind = Kind.CATEGORY;
        this.min = Double.NaN;
        this.max = Double.NaN;
        this.categories = categories;
        this.defaultValue = defaultValue;
    }

    /** The key used in specs and as the leaderboard column suffix, e.g. {@code learning_rate}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * How a candidate holds the value, and so how a leaderboard cell reads back: INT → Integer, REAL → Double,
     * CATEGORY → String. {@code neurons_per_layer} (a list of widths) and {@code batch_norm} are held as text.
     */
    public Kind kind() {
        return this == NEURONS_PER_LAYER ? Kind.CATEGORY : valueKind;
    }

    /** What a space's distribution for this hyperparameter draws: for {@code neurons_per_layer}, one layer's width. */
    public Kind valueKind() {
        return valueKind;
    }

    /** Smallest allowed value (INT and REAL value kinds only). */
    public double min() {
        return min;
    }

    /** Largest allowed value (INT and REAL value kinds only). */
    public double max() {
        return max;
    }

    /** Allowed values (CATEGORY only). */
    public List<String> categories() {
        return categories;
    }

    /** The value a trial uses when the space does not name this hyperparameter (null for neurons_per_layer). */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Null if {@code value} (as written in a spec) is acceptable, else what is wrong with it. */
    public String problemWith(Object value) {
        Object v = normalize(value);
        switch (valueKind) {
            case CATEGORY:
                return v instanceof String s && categories.contains(s)
                        ? null
                        : "unknown value '" + v + "' (expected one of " + String.join(", ", categories) + ")";
            case INT:
                if (!(v instanceof Integer i)) {
                    return "must be an integer (got " + v + ")";
                }
                return i < min || i > max
                        ? "must be in [" + (long) min + ", " + (long) max + "] (got " + i + ")"
                        : null;
            default:
                if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    return "must be a finite number (got " + v + ")";
                }
                double d = n.doubleValue();
                return d < min || d > max
                        ? "must be in [" + (min == Double.MIN_NORMAL ? "0 (exclusive)" : min) + ", " + max + "] (got "
                                + d + ")"
                        : null;
        }
    }

    /**
     * {@code value} in this hyperparameter's Java type: a real-valued hyperparameter written as an integer
     * ({@code l2: {choice: [0, 1e-4]}}) becomes a Double and a boolean for a categorical one ({@code batch_norm: true})
     * becomes its text, so a value always reads back from the leaderboard the same.
     */
    public Object normalize(Object value) {
        if (valueKind == Kind.REAL && value instanceof Number n) {
            return Double.valueOf(n.doubleValue());
        }
        return valueKind == Kind.CATEGORY && value instanceof Boolean b ? b.toString() : value;
    }

    /** A leaderboard cell read back into the value a candidate holds (see {@link #kind()}). */
    public Object parse(String cell) {
        return switch (kind()) {
            case INT -> Integer.parseInt(cell);
            case REAL -> Double.parseDouble(cell);
            case CATEGORY -> cell;
        };
    }

    public static Optional<HyperParameter> bySpecName(String name) {
        return Arrays.stream(values()).filter(h -> h.specName().equals(name)).findFirst();
    }
}
