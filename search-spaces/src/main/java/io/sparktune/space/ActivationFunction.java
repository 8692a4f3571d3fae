package io.sparktune.space;

import java.util.List;

/** The values of {@link HyperParameter#ACTIVATION}: the hidden layers' activation function. */
public enum ActivationFunction {
    RELU,
    LEAKYRELU,
    ELU,
    SELU,
    TANH,
    SIGMOID,
    GELU;

    public String specName() {
        return SpecNames.of(this);
    }

    /** Every spec name, in declaration order. */
    public static List<String> specNames() {
        return SpecNames.of(values());
    }

    /** The activation a spec or candidate names {@code specName}. */
    public static ActivationFunction fromSpecName(String specName) {
        return SpecNames.find(values(), specName, "activation");
    }
}
