package io.sparktune.results.optuna;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.distribution.Fixed;
import io.sparktune.space.distribution.IntLog;
import io.sparktune.space.distribution.IntegerDistribution;
import io.sparktune.space.distribution.LogUniform;
import io.sparktune.space.distribution.Uniform;
import java.util.List;

/**
 * sparktune's distributions as Optuna's ({@code optuna.distributions.distribution_to_json}: the class name and its
 * attributes), and a value as Optuna holds it internally: the number itself for a numeric distribution, the index of
 * the choice for a categorical one. {@code int}/{@code intlog} become {@code IntDistribution} (log for intlog, step 1),
 * {@code uniform}/{@code loguniform} {@code FloatDistribution} (log for loguniform, no step: sparktune has no quantized
 * distribution), {@code choice} a {@code CategoricalDistribution} with the choices in spec order (Optuna has no
 * weights: a weighted choice exports its values only), and a {@code fixed} value a categorical with that one choice.
 */
final class OptunaDistributions {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OptunaDistributions() {}

    static ObjectNode json(Distribution distribution) {
        ObjectNode attributes = MAPPER.createObjectNode();
        String name;
        if (distribution instanceof IntegerDistribution ints) {
            name = "IntDistribution";
            attributes
                    .put("low", ints.low())
                    .put("high", ints.high())
                    .put("log", ints instanceof IntLog)
                    .put("step", 1);
        } else if (distribution instanceof Uniform uniform) {
            name = "FloatDistribution";
            attributes
                    .put("low", uniform.low())
                    .put("high", uniform.high())
                    .put("log", false)
                    .putNull("step");
        } else if (distribution instanceof LogUniform logUniform) {
            name = "FloatDistribution";
            attributes
                    .put("low", logUniform.low())
                    .put("high", logUniform.high())
                    .put("log", true)
                    .putNull("step");
        } else {
            name = "CategoricalDistribution";
            attributes.set("choices", MAPPER.valueToTree(choices(distribution)));
        }
        ObjectNode json = MAPPER.createObjectNode().put("name", name);
        json.set("attributes", attributes);
        return json;
    }

    /** {@code value} as Optuna stores it for {@code distribution}; a value that is no choice is an error. */
    static double internalValue(Distribution distribution, Object value) {
        if (!distribution.isCategorical()) {
            return Distribution.number(value);
        }
        List<Object> choices = choices(distribution);
        int index = choices.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("'" + value + "' is not one of the choices " + choices);
        }
        return index;
    }

    /** The values of a categorical distribution (choice or fixed), in spec order. */
    private static List<Object> choices(Distribution distribution) {
        return distribution instanceof Fixed fixed ? List.of(fixed.value()) : ((Choice) distribution).values();
    }
}
