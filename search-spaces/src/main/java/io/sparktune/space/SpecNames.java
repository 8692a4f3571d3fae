package io.sparktune.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Enum constants as specs, candidates and leaderboards write them: the constant's name in lower case. */
public final class SpecNames {
    private SpecNames() {}

    /** {@code value}'s spec name: {@code HE_NORMAL} is {@code he_normal}. */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The spec names of {@code values}, in their order. */
    public static List<String> of(Enum<?>[] values) {
        return Arrays.stream(values).map(SpecNames::of).toList();
    }

    /** The one of {@code values} named {@code specName}; unknown names are refused as an unknown {@code what}. */
    public static <E extends Enum<E>> E find(E[] values, String specName, String what) {
        for (E value : values) {
            if (of(value).equals(specName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + specName + "'");
    }
}
