package io.sparktune.worker.net;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.spec.Task;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the multilayer perceptron a candidate describes, the Keras recipe
 * {@code Flatten → Dense(n_neurons, activation) × n_hidden → Dropout(dropout) → output}: softmax with cross-entropy for
 * classification, identity with mean squared error for regression. DL4J's {@code dropOut(p)} takes the probability
 * to <em>keep</em> and applies to a layer's input, so dropout sits on the output layer's input.
 */
public final class NetworkFactory {

    private NetworkFactory() {
    }

    public static MultiLayerConfiguration build(Candidate candidate, Task task, int numInputs, int numOutputs, long seed) {
        Activation activation = activation(candidate.stringValue(HyperParameter.ACTIVATION));
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(Optimizers.byName(candidate.stringValue(HyperParameter.OPTIMIZER),
                        candidate.doubleValue(HyperParameter.LEARNING_RATE)))
                .weightInit(activation == Activation.RELU || activation == Activation.LEAKYRELU ? WeightInit.RELU : WeightInit.XAVIER)
                .l2(candidate.doubleValue(HyperParameter.L2))
                .list();
        int width = candidate.intValue(HyperParameter.N_NEURONS);
        int inputs = numInputs;
        for (int i = 0; i < candidate.intValue(HyperParameter.N_HIDDEN); i++) {
            layers.layer(new DenseLayer.Builder().nIn(inputs).nOut(width).activation(activation).build());
            inputs = width;
        }
        OutputLayer.Builder output = task == Task.CLASSIFICATION
                ? new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                : new OutputLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY);
        double dropout = candidate.doubleValue(HyperParameter.DROPOUT);
        if (dropout > 0) {
            output.dropOut(1.0 - dropout);
        }
        return layers.layer(output.nIn(inputs).nOut(numOutputs).build()).build();
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "selu" -> Activation.SELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
        };
    }
}
