package io.sparktune.worker.net;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Huber loss, as Keras' {@code Huber(delta)}: per output {@code ½r²} where {@code |r| ≤ δ}, else {@code δ(|r| − ½δ)},
 * averaged over the outputs. DL4J 1.0.0-M2.1 has no Huber loss. Its gradient with respect to the output is {@code r}
 * clipped to {@code [−δ, δ]}, so outliers pull no harder than δ.
 */
public final class LossHuber implements ILossFunction {
    private final double delta;

    public LossHuber() {
        this(1.0);
    }

    public LossHuber(@JsonProperty("delta") double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("Huber delta must be > 0, got " + delta);
        }
        this.delta = delta;
    }

    public double getDelta() {
        return delta;
    }

    private INDArray scoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        INDArray absError = Transforms.abs(output.subi(labels.castTo(output.dataType())), false);
        INDArray quadratic = Transforms.min(absError, delta, true);
        INDArray linear = absError.subi(quadratic);
        INDArray score =
                quadratic.muli(quadratic).muli(0.5).addi(linear.muli(delta)).divi(output.size(1));
        if (mask != null) {
            LossUtil.applyMask(score, mask);
        }
        return score;
    }

    @Override
    public double computeScore(
            INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        INDArray scores = scoreArray(labels, preOutput, activationFn, mask);
        double sum = scores.sumNumber().doubleValue();
        return average ? sum / scores.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return scoreArray(labels, preOutput, activationFn, mask).sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        INDArray error = output.subi(labels.castTo(output.dataType()));
        INDArray dLda = Transforms.max(Transforms.min(error, delta, false), -delta, false)
                .divi(error.size(1));
        if (mask != null && LossUtil.isPerOutputMasking(dLda, mask)) {
            LossUtil.applyMask(dLda, mask);
        }
        INDArray gradients = activationFn.backprop(preOutput, dLda).getFirst();
        if (mask != null) {
            LossUtil.applyMask(gradients, mask);
        }
        return gradients;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(
            INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(
                computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossHuber other && other.delta == delta;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(delta);
    }

    @Override
    public String toString() {
        return "LossHuber(delta=" + delta + ")";
    }
}
