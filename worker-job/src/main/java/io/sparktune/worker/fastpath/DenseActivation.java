package io.sparktune.worker.fastpath;

import java.util.Optional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * A hidden layer's activation as {@link DenseBackprop} computes it, element by element in Java: the value and its
 * derivative, with DL4J's definitions and constants. {@link #of} maps DL4J's configured activation, or says it has
 * none (GELU, a ReLU with a cap or threshold, ...), in which case the network trains through DL4J.
 */
abstract class DenseActivation {
    private static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    /** The activation of pre-activation {@code z}. */
    abstract float value(float z);

    /** d value / d z, given the pre-activation {@code z} and the activation {@code a} = value(z). */
    abstract float derivative(float z, float a);

    /** Row by row: {@code z += bias} (in place), then {@code a = value(z)}. */
    final void apply(float[] z, float[] a, float[] bias, int width) {
        for (int start = 0; start < z.length; start += width) {
            for (int k = 0; k < width; k++) {
                float pre = z[start + k] + bias[k];
                z[start + k] = pre;
                a[start + k] = value(pre);
            }
        }
    }

    /** {@code delta *= value'(z)}, element by element. */
    final void multiplyByDerivative(float[] delta, float[] z, float[] a) {
        for (int i = 0; i < delta.length; i++) {
            delta[i] *= derivative(z[i], a[i]);
        }
    }

    static Optional<DenseActivation> of(IActivation dl4j) {
        if (dl4j instanceof ActivationReLU relu) {
            boolean plain =
                    relu.getMax() == null && isZeroOrNull(relu.getThreshold()) && isZeroOrNull(relu.getNegativeSlope());
            return plain ? Optional.of(leaky(0f)) : Optional.empty();
        }
        if (dl4j instanceof ActivationLReLU leakyRelu) {
            return Optional.of(leaky((float) leakyRelu.getAlpha()));
        }
        if (dl4j instanceof ActivationELU elu) {
            return Optional.of(exponential(1f, (float) elu.getAlpha()));
        }
        if (dl4j instanceof ActivationSELU) {
            return Optional.of(exponential((float) SELU_LAMBDA, (float) (SELU_LAMBDA * SELU_ALPHA)));
        }
        if (dl4j instanceof ActivationTanH) {
            return Optional.of(new DenseActivation() {
                float value(float z) {
                    return (float) Math.tanh(z);
                }

                float derivative(float z, float a) {
                    return 1 - a * a;
                }
            });
        }
        if (dl4j instanceof ActivationSigmoid) {
            return Optional.of(new DenseActivation() {
                float value(float z) {
                    return (float) (1 / (1 + Math.exp(-z)));
                }

                float derivative(float z, float a) {
                    return a * (1 - a);
                }
            });
        }
        if (dl4j instanceof ActivationIdentity) {
            return Optional.of(leaky(1f));
        }
        return Optional.empty();
    }

    /** {@code z} for z > 0, {@code slope·z} otherwise: ReLU (slope 0), leaky ReLU, identity (slope 1). */
    private static DenseActivation leaky(float slope) {
        return new DenseActivation() {
            float value(float z) {
                return z > 0 ? z : slope * z;
            }

            float derivative(float z, float a) {
                return z > 0 ? 1f : slope;
            }
        };
    }

    /** {@code scale·z} for z > 0, {@code negativeScale·(eᶻ − 1)} otherwise: ELU (scale 1) and SELU. */
    private static DenseActivation exponential(float scale, float negativeScale) {
        return new DenseActivation() {
            float value(float z) {
                return z > 0 ? scale * z : negativeScale * (float) Math.expm1(z);
            }

            float derivative(float z, float a) {
                return z > 0 ? scale : a + negativeScale;
            }
        };
    }

    private static boolean isZeroOrNull(Double value) {
        return value == null || value == 0.0;
    }
}
