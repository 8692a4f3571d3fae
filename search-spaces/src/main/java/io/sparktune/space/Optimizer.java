package io.sparktune.space;

import java.util.List;

/** The values of {@link HyperParameter#OPTIMIZER}: the Keras optimizers, plus heavy-ball {@code momentum}. */
public enum Optimizer {
    SGD,
    MOMENTUM,
    NESTEROV,
    ADAGRAD,
    RMSPROP,
    ADAM,
    NADAM,
    ADAMAX,
    AMSGRAD;

    public String specName() {
        return SpecNames.of(this);
    }

    /** Every spec name, in declaration order. */
    public static List<String> specNames() {
        return SpecNames.of(values());
    }

    /** The optimizer a spec or candidate names {@code specName}. */
    public static Optimizer fromSpecName(String specName) {
        return SpecNames.find(values(), specName, "optimizer");
    }
}
