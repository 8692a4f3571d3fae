package io.sparktune.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The enums of categorical hyperparameters give the spec names, in the order specs and samplers have always seen. */
class HyperParameterValuesTest {
    @Test
    void categoriesAreTheEnumsSpecNamesInOrder() {
        assertEquals(
                List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "nadam", "adamax", "amsgrad"),
                HyperParameter.OPTIMIZER.categories());
        assertEquals(
                List.of("relu", "leakyrelu", "elu", "selu", "tanh", "sigmoid", "gelu"),
                HyperParameter.ACTIVATION.categories());
        assertEquals(
                List.of(
                        "auto",
                        "he_normal",
                        "he_uniform",
                        "glorot_normal",
                        "glorot_uniform",
                        "lecun_normal",
                        "lecun_uniform"),
                HyperParameter.WEIGHT_INIT.categories());
        assertEquals(List.of("none", "exponential", "step", "cosine"), HyperParameter.LR_SCHEDULE.categories());
        assertEquals("adam", HyperParameter.OPTIMIZER.defaultValue());
        assertEquals("relu", HyperParameter.ACTIVATION.defaultValue());
        assertEquals("auto", HyperParameter.WEIGHT_INIT.defaultValue());
        assertEquals("none", HyperParameter.LR_SCHEDULE.defaultValue());
    }

    @Test
    void specNamesReadBackAndUnknownOnesAreRefusedByKind() {
        for (Optimizer o : Optimizer.values()) {
            assertEquals(o, Optimizer.fromSpecName(o.specName()));
        }
        assertEquals(WeightInitializer.HE_UNIFORM, WeightInitializer.fromSpecName("he_uniform"));
        assertEquals(ActivationFunction.LEAKYRELU, ActivationFunction.fromSpecName("leakyrelu"));
        assertEquals(LrSchedule.COSINE, LrSchedule.fromSpecName("cosine"));
        assertEquals(
                "unknown optimizer 'Adam'",
                assertThrows(IllegalArgumentException.class, () -> Optimizer.fromSpecName("Adam"))
                        .getMessage());
        assertEquals(
                "unknown activation 'swish'",
                assertThrows(IllegalArgumentException.class, () -> ActivationFunction.fromSpecName("swish"))
                        .getMessage());
        assertEquals(
                "unknown weight_init 'HE_NORMAL'",
                assertThrows(IllegalArgumentException.class, () -> WeightInitializer.fromSpecName("HE_NORMAL"))
                        .getMessage());
        assertEquals(
                "unknown learning-rate schedule 'linear'",
                assertThrows(IllegalArgumentException.class, () -> LrSchedule.fromSpecName("linear"))
                        .getMessage());
    }

    @Test
    void conditionsNameTheValuesTheyApplyTo() {
        assertEquals(
                "optimizer is momentum or nesterov",
                Conditions.of(HyperParameter.MOMENTUM).orElseThrow().text());
        assertEquals(
                "optimizer is adagrad, rmsprop, adam, nadam, adamax or amsgrad",
                Conditions.of(HyperParameter.EPSILON).orElseThrow().text());
        assertEquals(
                "optimizer is rmsprop",
                Conditions.of(HyperParameter.RHO).orElseThrow().text());
        assertEquals(
                "lr_schedule is exponential or step",
                Conditions.of(HyperParameter.LR_DECAY_RATE).orElseThrow().text());
        assertEquals(true, Conditions.of(HyperParameter.BETA1).orElseThrow().appliesWhen("amsgrad"));
        assertEquals(false, Conditions.of(HyperParameter.BETA1).orElseThrow().appliesWhen("sgd"));
    }
}
