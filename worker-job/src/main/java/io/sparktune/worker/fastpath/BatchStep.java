package io.sparktune.worker.fastpath;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One optimisation step on a mini-batch; returns the batch's training loss (DL4J's score). */
public interface BatchStep extends AutoCloseable {

    double fit(INDArray features, INDArray targets);

    /** Called before each epoch's first batch (epochs count from 1). */
    default void startEpoch(int epoch) {}

    /** Frees what the step allocated (not the network). */
    @Override
    default void close() {}

    /**
     * The fastest step that trains {@code net} as DL4J's {@code fit} would: {@link DenseBackprop} for plain dense
     * networks (the same arithmetic; dropout masks of its own, drawn from {@code seed}), DL4J itself otherwise.
     */
    static BatchStep forNetwork(MultiLayerNetwork net, long seed) {
        return DenseBackprop.forNetwork(net, seed).<BatchStep>map(step -> step).orElseGet(() -> dl4j(net));
    }

    /** DL4J's own {@code fit} and score. */
    static BatchStep dl4j(MultiLayerNetwork net) {
        return (features, targets) -> {
            net.fit(features, targets);
            return net.score();
        };
    }
}
