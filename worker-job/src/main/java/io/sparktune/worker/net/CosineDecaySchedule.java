package io.sparktune.worker.net;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Keras' {@code CosineDecay(initial, decay_steps, alpha)} by epoch: {@code initial · ((1 − α) · ½(1 + cos(π·e/E)) + α)}
 * with {@code e = min(epoch, E)}, so it falls from {@code initial} to {@code α·initial} over E epochs and stays there.
 * DL4J 1.0.0-M2.1 has no cosine schedule ({@code CycleSchedule} is a linear one-cycle policy). Written to and read
 * from a model's JSON by DL4J's Jackson through the annotated constructor.
 */
public final class CosineDecaySchedule implements ISchedule {
    private final double initialValue;
    private final int decayEpochs;
    private final double minRatio;

    public CosineDecaySchedule(
            @JsonProperty("initialValue") double initialValue,
            @JsonProperty("decayEpochs") int decayEpochs,
            @JsonProperty("minRatio") double minRatio) {
        if (decayEpochs < 1 || !(minRatio >= 0 && minRatio <= 1)) {
            throw new IllegalArgumentException(
                    "need decayEpochs >= 1 and minRatio in [0, 1], got " + decayEpochs + ", " + minRatio);
        }
        this.initialValue = initialValue;
        this.decayEpochs = decayEpochs;
        this.minRatio = minRatio;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double progress = Math.min(epoch, decayEpochs) / (double) decayEpochs;
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return initialValue * ((1 - minRatio) * cosine + minRatio);
    }

    @Override
    public ISchedule clone() {
        return new CosineDecaySchedule(initialValue, decayEpochs, minRatio);
    }

    public double getInitialValue() {
        return initialValue;
    }

    public int getDecayEpochs() {
        return decayEpochs;
    }

    public double getMinRatio() {
        return minRatio;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosineDecaySchedule other
                && other.initialValue == initialValue
                && other.decayEpochs == decayEpochs
                && other.minRatio == minRatio;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialValue, decayEpochs, minRatio);
    }

    @Override
    public String toString() {
        return "CosineDecaySchedule(initialValue=" + initialValue + ", decayEpochs=" + decayEpochs + ", minRatio="
                + minRatio + ")";
    }
}
