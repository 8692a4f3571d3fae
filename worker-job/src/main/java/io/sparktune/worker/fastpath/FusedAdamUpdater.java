package io.sparktune.worker.fastpath;

import io.sparktune.worker.nd.OffHeapFloats;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The update step of {@link FusedAdam}. State handling is DL4J's {@code AdamUpdater} (the delegate), so the state
 * layout is exactly DL4J's; only {@link #applyUpdater} differs. DL4J subtracts the returned gradient.
 */
final class FusedAdamUpdater implements GradientUpdater<FusedAdam> {
    private final FusedAdam config;
    private final GradientUpdater<?> dl4jAdam;
    private final JavaUpdaterRules rules = new JavaUpdaterRules();

    FusedAdamUpdater(FusedAdam config, GradientUpdater<?> dl4jAdam) {
        this.config = config;
        this.dl4jAdam = dl4jAdam;
    }

    @Override
    public FusedAdam getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        dl4jAdam.setState(stateMap, initialize);
    }

    @Override
    public Map<String, INDArray> getState() {
        return dl4jAdam.getState();
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        dl4jAdam.setStateViewArray(viewArray, gradientShape, gradientOrder, initialize);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        Map<String, INDArray> state = dl4jAdam.getState();
        INDArray m = state.get("M");
        INDArray v = state.get("V");
        if (!OffHeapFloats.sameLayout(gradient, m) || !OffHeapFloats.sameLayout(gradient, v)) {
            dl4jAdam.applyUpdater(gradient, iteration, epoch);
            return;
        }
        double beta1 = config.getBeta1();
        double beta2 = config.getBeta2();
        // DL4J's bias correction, folded into the step size: α_t = η·√(1−β₂ᵗ)/(1−β₁ᵗ) with t = iteration + 1
        double alpha = config.getLearningRate(iteration, epoch)
                * Math.sqrt(1 - Math.pow(beta2, iteration + 1))
                / (1 - Math.pow(beta1, iteration + 1));
        if (Double.isNaN(alpha) || Double.isInfinite(alpha) || alpha == 0.0) {
            alpha = config.getEpsilon(); // as DL4J does
        }
        rules.adam(
                OffHeapFloats.view(gradient),
                OffHeapFloats.view(m),
                OffHeapFloats.view(v),
                (int) gradient.length(),
                (float) beta1,
                (float) beta2,
                (float) alpha,
                (float) config.getEpsilon());
    }
}
