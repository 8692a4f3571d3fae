package io.sparktune.worker.net;

import io.sparktune.space.searchspec.Loss;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** The output layer a loss needs: softmax + cross-entropy for classification, identity + an error for regression. */
public final class OutputHeads {
    private OutputHeads() {}

    public static OutputLayer.Builder forLoss(Loss loss, double huberDelta) {
        return switch (loss) {
            case CROSS_ENTROPY -> new OutputLayer.Builder(new LossMCXENT()).activation(Activation.SOFTMAX);
            case MSE -> new OutputLayer.Builder(new LossMSE()).activation(Activation.IDENTITY);
            // LossL1 sums |error| over outputs; with the single regression output that is the mean absolute error
            case MAE -> new OutputLayer.Builder(new LossL1()).activation(Activation.IDENTITY);
            case HUBER -> new OutputLayer.Builder(new LossHuber(huberDelta)).activation(Activation.IDENTITY);
        };
    }
}
