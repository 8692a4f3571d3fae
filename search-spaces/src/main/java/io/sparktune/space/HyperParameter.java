package io.sparktune.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The closed set of hyperparameters a space may name, with the type and range of values each accepts and the value
 * used when the space leaves it out. Spec keys are these names; a spec never names a Java class.
 */
public enum HyperParameter {
    N_HIDDEN(Kind.INT, 0, 64, 1),
    N_NEURONS(Kind.INT, 1, 1_000_000, 30),
    LEARNING_RATE(Kind.REAL, Double.MIN_NORMAL, 100.0, 3e-3),
    OPTIMIZER(Kind.CATEGORY, List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "nadam"), "adam"),
    DROPOUT(Kind.REAL, 0.0, 0.95, 0.0),
    ACTIVATION(Kind.CATEGORY, List.of("relu", "leakyrelu", "elu", "selu", "tanh", "sigmoid"), "relu"),
    L2(Kind.REAL, 0.0, 10.0, 0.0),
    BATCH_SIZE(Kind.INT, 1, 1_000_000, 32);

    /** What values a hyperparameter takes. */
    public enum Kind { INT, REAL, CATEGORY }

    private final Kind kind;
    private final double min;
    private final double max;
    private final List<String> categories;
    private final Object defaultValue;

    HyperParameter(Kind kind, double min, double max, Object defaultValue) {
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.categories = List.of();
        this.defaultValue = defaultValue;
    }

    HyperParameter(Kind kind, List<String> categories, String defaultValue) {
        this.kind = kind;
        this.min = Double.NaN;
        this.max = Double.NaN;
        this.categories = categories;
        this.defaultValue = defaultValue;
    }

    /** The key used in specs and as the leaderboard column suffix, e.g. {@code learning_rate}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** Smallest allowed value (INT and REAL only). */
    public double min() {
        return min;
    }

    /** Largest allowed value (INT and REAL only). */
    public double max() {
        return max;
    }

    /** Allowed values (CATEGORY only). */
    public List<String> categories() {
        return categories;
    }

    /** The value a trial uses when the space does not name this hyperparameter. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Null if {@code value} is acceptable, else what is wrong with it. */
    public String problemWith(Object value) {
        switch (kind) {
            case CATEGORY:
                return value instanceof String s && categories.contains(s) ? null
                        : "unknown value '" + value + "' (expected one of " + String.join(", ", categories) + ")";
            case INT:
                if (!(value instanceof Integer i)) {
                    return "must be an integer (got " + value + ")";
                }
                return i < min || i > max ? "must be in [" + (long) min + ", " + (long) max + "] (got " + i + ")" : null;
            default:
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    return "must be a finite number (got " + value + ")";
                }
                double d = n.doubleValue();
                return d < min || d > max ? "must be in [" + (min == Double.MIN_NORMAL ? "0 (exclusive)" : min) + ", " + max + "] (got " + d + ")" : null;
        }
    }

    /**
     * {@code value} in this hyperparameter's Java type: a real-valued hyperparameter written as an integer
     * ({@code l2: {choice: [0, 1e-4]}}) becomes a Double, so a value always reads back from the leaderboard the same.
     */
    public Object normalize(Object value) {
        return kind == Kind.REAL && value instanceof Number n ? Double.valueOf(n.doubleValue()) : value;
    }

    public static Optional<HyperParameter> bySpecName(String name) {
        return Arrays.stream(values()).filter(h -> h.specName().equals(name)).findFirst();
    }
}
