package io.sparktune.worker.fastpath;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/** The state (velocity) and update rule of {@link HeavyBallMomentum}. DL4J subtracts the returned gradient. */
final class HeavyBallMomentumUpdater implements GradientUpdater<HeavyBallMomentum> {
    private static final String VELOCITY = "V";
    private final HeavyBallMomentum config;
    private INDArray velocity;

    HeavyBallMomentumUpdater(HeavyBallMomentum config) {
        this.config = config;
    }

    @Override
    public HeavyBallMomentum getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        if (!stateMap.containsKey(VELOCITY) || stateMap.size() != 1) {
            throw new IllegalStateException("state must hold exactly key " + VELOCITY + ", got " + stateMap.keySet());
        }
        velocity = stateMap.get(VELOCITY);
        if (initialize) {
            velocity.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Map.of(VELOCITY, velocity);
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (initialize) {
            viewArray.assign(0);
        }
        velocity = viewArray.reshape(gradientOrder, gradientShape);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        // v = μv − ηg, and the parameters move by +v, i.e. DL4J must subtract −v.
        velocity.muli(config.getMomentum()).subi(gradient.muli(config.getLearningRate(iteration, epoch)));
        gradient.assign(velocity).negi();
    }
}
