package io.sparktune.worker.net;

import io.sparktune.space.ActivationFunction;
import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.WeightInitializer;
import io.sparktune.space.searchspec.Loss;
import io.sparktune.space.searchspec.Task;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.data.LabeledData;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * Builds the multilayer perceptron a candidate describes, the Keras recipe
 * {@code Flatten → [Dense(width_i, activation) (→ BatchNormalization)] for each hidden layer → Dropout(dropout) →
 * output}
 * with the candidate's widths ({@link Candidate#hiddenWidths()}), initializer, L1/L2 penalties and optimizer: softmax
 * with cross-entropy for classification, identity with an error loss for regression. DL4J's {@code dropOut(p)} takes
 * the probability to <em>keep</em> and applies to a layer's input, so dropout sits on the output layer's input.
 */
public final class NetworkFactory {

    private NetworkFactory() {}

    /** The network with the task's default loss (cross-entropy, or mean squared error for regression). */
    public static MultiLayerConfiguration build(
            Candidate candidate, Task task, int numInputs, int numOutputs, long seed) {
        return build(candidate, Loss.defaultFor(task), 1.0, numInputs, numOutputs, seed);
    }

    public static MultiLayerConfiguration build(
            Candidate candidate, Loss loss, double huberDelta, int numInputs, int numOutputs, long seed) {
        ActivationFunction function = ActivationFunction.fromSpecName(candidate.stringValue(HyperParameter.ACTIVATION));
        Activation activation = activation(function);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(Optimizers.forCandidate(candidate))
                .weightInit(weightInit(
                        WeightInitializer.fromSpecName(candidate.stringValue(HyperParameter.WEIGHT_INIT)), function))
                .l1(candidate.doubleValue(HyperParameter.L1))
                .l2(candidate.doubleValue(HyperParameter.L2))
                .list();
        boolean batchNorm = candidate.booleanValue(HyperParameter.BATCH_NORM);
        int inputs = numInputs;
        for (int width : candidate.hiddenWidths()) {
            if (batchNorm) {
                // Dense (linear) → BatchNormalization → activation, as in Ioffe and Szegedy
                layers.layer(new DenseLayer.Builder()
                        .nIn(inputs)
                        .nOut(width)
                        .activation(Activation.IDENTITY)
                        .build());
                layers.layer(new BatchNormalization.Builder()
                        .nIn(width)
                        .nOut(width)
                        .activation(activation)
                        .build());
            } else {
                layers.layer(new DenseLayer.Builder()
                        .nIn(inputs)
                        .nOut(width)
                        .activation(activation)
                        .build());
            }
            inputs = width;
        }
        OutputLayer.Builder output = OutputHeads.forLoss(loss, huberDelta);
        double dropout = candidate.doubleValue(HyperParameter.DROPOUT);
        if (dropout > 0) {
            output.dropOut(1.0 - dropout);
        }
        return layers.layer(output.nIn(inputs).nOut(numOutputs).build()).build();
    }

    /**
     * The initialised network (weights drawn from {@code seed}) of {@code candidate} on {@code data}: its columns in,
     * one output for regression or one per class, with {@code training}'s loss. What a split, a refit and a benchmark
     * train.
     */
    public static MultiLayerNetwork initialised(
            Candidate candidate, TrainingSettings training, LabeledData data, long seed) {
        return initialised(build(
                candidate,
                training.loss(),
                training.huberDelta(),
                data.cols(),
                data.isRegression() ? 1 : data.numClasses(),
                seed));
    }

    /** A network of {@code configuration}, initialised. */
    public static MultiLayerNetwork initialised(MultiLayerConfiguration configuration) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return net;
    }

    /** DL4J's activation function for {@code function}. */
    static Activation activation(ActivationFunction function) {
        return switch (function) {
            case RELU -> Activation.RELU;
            case LEAKYRELU -> Activation.LEAKYRELU;
            case ELU -> Activation.ELU;
            case SELU -> Activation.SELU;
            case TANH -> Activation.TANH;
            case SIGMOID -> Activation.SIGMOID;
            case GELU -> Activation.GELU;
        };
    }

    /**
     * DL4J's initializer for a Keras initializer. {@code auto}: He for the ReLU family, LeCun normal for SELU
     * (what self-normalisation assumes), Glorot normal otherwise.
     */
    static WeightInit weightInit(WeightInitializer initializer, ActivationFunction function) {
        return switch (initializer) {
            case AUTO ->
                switch (function) {
                    case RELU, LEAKYRELU, GELU -> WeightInit.RELU;
                    case SELU -> WeightInit.LECUN_NORMAL;
                    case ELU, TANH, SIGMOID -> WeightInit.XAVIER;
                };
            case HE_NORMAL -> WeightInit.RELU;
            case HE_UNIFORM -> WeightInit.RELU_UNIFORM;
            case GLOROT_NORMAL -> WeightInit.XAVIER;
            case GLOROT_UNIFORM -> WeightInit.XAVIER_UNIFORM;
            case LECUN_NORMAL -> WeightInit.LECUN_NORMAL;
            case LECUN_UNIFORM -> WeightInit.LECUN_UNIFORM;
        };
    }
}
