package io.sparktune.worker.fastpath;

import io.sparktune.worker.nd.OffHeapFloats;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's outputs, computed again and again (validation after every epoch): {@link DenseBackprop#predict} where
 * it trains the network (the same forward pass with direct BLAS calls, its buffers kept between calls), else DL4J's
 * {@code output(features, false)}. Holds one network at a time; {@link #close} frees the buffers.
 */
public final class Predictor implements AutoCloseable {
    private MultiLayerNetwork net;
    private Optional<DenseBackprop> dense = Optional.empty();

    /** {@code network}'s outputs on {@code features}, row-major, one row per example. */
    public float[] outputs(MultiLayerNetwork network, INDArray features) {
        if (network != net) {
            close();
            net = network;
            dense = DenseBackprop.forPrediction(network);
        }
        return dense.map(forward -> forward.predict(features))
                .orElseGet(() -> OffHeapFloats.rowMajor(network.output(features, false)));
    }

    @Override
    public void close() {
        dense.ifPresent(DenseBackprop::close);
        dense = Optional.empty();
        net = null;
    }
}
