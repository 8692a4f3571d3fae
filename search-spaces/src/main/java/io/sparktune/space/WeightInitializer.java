package io.sparktune.space;

import java.util.List;

/**
 * The values of {@link HyperParameter#WEIGHT_INIT}, Keras initializer names; {@code auto}: He for the ReLU family,
 * LeCun for SELU, Glorot otherwise.
 */
public enum WeightInitializer {
    AUTO,
    HE_NORMAL,
    HE_UNIFORM,
    GLOROT_NORMAL,
    GLOROT_UNIFORM,
    LECUN_NORMAL,
    LECUN_UNIFORM;

    public String specName() {
        return SpecNames.of(this);
    }

    /** Every spec name, in declaration order. */
    public static List<String> specNames() {
        return SpecNames.of(values());
    }

    /** The initializer a spec or candidate names {@code specName}. */
    public static WeightInitializer fromSpecName(String specName) {
        return SpecNames.find(values(), specName, "weight_init");
    }
}
