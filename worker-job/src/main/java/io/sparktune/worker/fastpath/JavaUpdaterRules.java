package io.sparktune.worker.fastpath;

import io.sparktune.worker.nd.FloatChunks;
import io.sparktune.worker.nd.OffHeapFloats;
import java.nio.FloatBuffer;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The update rules of DL4J's SGD, Nesterov, RMSProp, AdaGrad and Nadam updaters and of {@link HeavyBallMomentum},
 * computed in Java chunks ({@link FloatChunks}) on the updater's own state arrays instead of by its native op (or,
 * for heavy-ball momentum, four ND4J ops): the same arithmetic (tested against each updater), in one pass over the
 * memory. Applied by the caller, so models keep DL4J's updater configurations; {@link FusedAdam} uses the Adam rule
 * here. Not thread-safe: one instance per training.
 */
public final class JavaUpdaterRules {
    private final FloatChunks chunks = new FloatChunks(3);

    /**
     * Applies {@code updater}'s rule to {@code gradient} (in place, leaving what DL4J subtracts from the parameters)
     * and its state, if this class knows the rule and the arrays are laid out alike; returns false, touching nothing,
     * otherwise (the caller then uses {@code updater.applyUpdater}).
     */
    public boolean apply(GradientUpdater<?> updater, INDArray gradient, int iteration, int epoch) {
        IUpdater config = updater.getConfig();
        Map<String, INDArray> state = updater.getState();
        for (INDArray array : state.values()) {
            if (!OffHeapFloats.sameLayout(gradient, array)) {
                return false;
            }
        }
        int n = (int) gradient.length();
        FloatBuffer g = OffHeapFloats.view(gradient);
        float lr = (float) config.getLearningRate(iteration, epoch);
        if (config instanceof Sgd && state.isEmpty()) {
            chunks.forEach(n, (c, length) -> scale(c[0], length, lr), g);
        } else if (config instanceof Nesterovs nesterovs && state.size() == 1) {
            nesterov(g, only(state), n, lr, (float) nesterovs.currentMomentum(iteration, epoch));
        } else if (config instanceof HeavyBallMomentum heavyBall && state.size() == 1) {
            heavyBall(g, only(state), n, lr, (float) heavyBall.getMomentum());
        } else if (config instanceof RmsProp rmsProp && state.size() == 1) {
            rmsProp(g, only(state), n, lr, (float) rmsProp.getRmsDecay(), (float) rmsProp.getEpsilon());
        } else if (config instanceof AdaGrad adaGrad && state.size() == 1) {
            adaGrad(g, only(state), n, lr, (float) adaGrad.getEpsilon());
        } else if (config instanceof Nadam nadam && state.size() == 2) {
            nadam(g, OffHeapFloats.view(state.get("M")), OffHeapFloats.view(state.get("V")), n, lr, nadam, iteration);
        } else {
            return false;
        }
        return true;
    }

    private static FloatBuffer only(Map<String, INDArray> state) {
        return OffHeapFloats.view(state.values().iterator().next());
    }

    private static void scale(float[] values, int length, float factor) {
        for (int i = 0; i < length; i++) {
            values[i] *= factor;
        }
    }

    /** v' = μv − ηg; update = μv − (1 + μ)v' (DL4J's Nesterov form; the parameters move by −update). */
    private void nesterov(FloatBuffer g, FloatBuffer v, int n, float lr, float momentum) {
        chunks.forEach(
                n,
                (c, length) -> {
                    float[] gs = c[0];
                    float[] vs = c[1];
                    for (int i = 0; i < length; i++) {
                        float previous = momentum * vs[i];
                        float next = previous - lr * gs[i];
                        vs[i] = next;
                        gs[i] = previous - (1 + momentum) * next;
                    }
                },
                g,
                v);
    }

    /** v' = μv − ηg; update = −v' (the parameters move by +v'). */
    private void heavyBall(FloatBuffer g, FloatBuffer v, int n, float lr, float momentum) {
        chunks.forEach(
                n,
                (c, length) -> {
                    float[] gs = c[0];
                    float[] vs = c[1];
                    for (int i = 0; i < length; i++) {
                        vs[i] = momentum * vs[i] - lr * gs[i];
                        gs[i] = -vs[i];
                    }
                },
                g,
                v);
    }

    /** G' = ρG + (1 − ρ)g²; update = ηg/(√G' + ε). */
    private void rmsProp(FloatBuffer g, FloatBuffer history, int n, float lr, float decay, float epsilon) {
        chunks.forEach(
                n,
                (c, length) -> {
                    float[] gs = c[0];
                    float[] hs = c[1];
                    for (int i = 0; i < length; i++) {
                        hs[i] = decay * hs[i] + (1 - decay) * gs[i] * gs[i];
                        gs[i] = lr * gs[i] / ((float) Math.sqrt(hs[i]) + epsilon);
                    }
                },
                g,
                history);
    }

    /** H' = H + g²; update = ηg/(√H' + ε). */
    private void adaGrad(FloatBuffer g, FloatBuffer history, int n, float lr, float epsilon) {
        chunks.forEach(
                n,
                (c, length) -> {
                    float[] gs = c[0];
                    float[] hs = c[1];
                    for (int i = 0; i < length; i++) {
                        hs[i] += gs[i] * gs[i];
                        gs[i] = lr * gs[i] / ((float) Math.sqrt(hs[i]) + epsilon);
                    }
                },
                g,
                history);
    }

    /**
     * DL4J's Adam (for {@link FusedAdam}): first and second moments as {@link #updateMoments}, update =
     * α·m'/(√v' + ε) with the bias-corrected step size α the caller computes.
     */
    void adam(
            FloatBuffer g, FloatBuffer m, FloatBuffer v, int n, float beta1, float beta2, float alpha, float epsilon) {
        adamFamily(g, m, v, n, beta1, beta2, (gs, ms, vs, length) -> {
            for (int i = 0; i < length; i++) {
                gs[i] = alpha * ms[i] / ((float) Math.sqrt(vs[i]) + epsilon);
            }
        });
    }

    /**
     * DL4J's Nadam: moments as {@link #updateMoments}, update = η·(β₁m' + (1−β₁)g)/(1−β₁ᵗ) / (√v' + ε),
     * t = iteration + 1 (a Nesterov-corrected first moment, no bias correction of the second).
     */
    private void nadam(FloatBuffer g, FloatBuffer m, FloatBuffer v, int n, float lr, Nadam config, int iteration) {
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        float correction = (float) (1 - Math.pow(beta1, iteration + 1));
        adamFamily(g, m, v, n, beta1, beta2, (gs, ms, vs, length) -> {
            for (int i = 0; i < length; i++) {
                gs[i] = lr * (beta1 * ms[i] + (1 - beta1) * gs[i]) / correction / ((float) Math.sqrt(vs[i]) + epsilon);
            }
        });
    }

    /** Writes one chunk's update into {@code gs} (which still holds the gradient) from the new moments. */
    @FunctionalInterface
    private interface MomentRule {
        void apply(float[] gs, float[] ms, float[] vs, int length);
    }

    /** Chunk by chunk over (gradient, m, v): the moments ({@link #updateMoments}), then {@code rule}. */
    private void adamFamily(
            FloatBuffer g, FloatBuffer m, FloatBuffer v, int n, float beta1, float beta2, MomentRule rule) {
        chunks.forEach(
                n,
                (c, length) -> {
                    updateMoments(c[0], c[1], c[2], length, beta1, beta2);
                    rule.apply(c[0], c[1], c[2], length);
                },
                g,
                m,
                v);
    }

    /** The Adam family's moments, in place: m' = β₁m + (1−β₁)g; v' = β₂v + (1−β₂)g². */
    private static void updateMoments(float[] gs, float[] ms, float[] vs, int length, float beta1, float beta2) {
        for (int i = 0; i < length; i++) {
            float gi = gs[i];
            ms[i] = beta1 * ms[i] + (1 - beta1) * gi;
            vs[i] = beta2 * vs[i] + (1 - beta2) * gi * gi;
        }
    }
}
