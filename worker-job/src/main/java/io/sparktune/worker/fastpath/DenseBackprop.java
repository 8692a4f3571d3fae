package io.sparktune.worker.fastpath;

import io.sparktune.worker.nd.Blas;
import io.sparktune.worker.nd.OffHeapFloats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DL4J's training step for a plain dense network, with about a fifth of its native calls. DL4J spends most of a
 * small network's step outside the matrix multiplies: ~50 native op calls per batch, each building shape
 * information, plus per-parameter views in its updater (bench/NOTES.md). Here a step is three GEMMs per layer
 * ({@code Z = X·W}, {@code dW = Xᵀ·δ}, {@code dX = δ·Wᵀ}, into arrays allocated once per batch size), bias,
 * activation, softmax and their derivatives as Java loops ({@link DenseBuffers}), and the network's own DL4J
 * updater applied to the flat gradient, as DL4J applies it (its rule in Java where {@link JavaUpdaterRules} has it).
 * Parameters, gradients and updater state are the
 * network's own arrays, so everything else (validation, checkpoints, saving) keeps using the DL4J network.
 *
 * <p>Used only where it computes what DL4J computes ({@link #forNetwork}): dense hidden layers with an activation
 * {@link DenseActivation} knows, an output layer with softmax and cross-entropy or identity and squared error, no
 * L1/L2, weight noise, constraints or gradient normalisation, one updater for all parameters, dropout (if any) on the
 * output layer's input only. Dropout draws its own masks (inverted dropout with DL4J's keep probability), so with
 * dropout the trained weights differ from DL4J's as two DL4J runs with different seeds differ.
 */
final class DenseBackprop implements BatchStep {
    private static final Logger LOG = LoggerFactory.getLogger(DenseBackprop.class);
    private static final double SOFTMAX_CLIP_EPS = 1e-10; // LossMCXENT's default softmaxClipEps
    /** Rows per forward pass in {@link #predict}: large enough for the GEMMs to run near their best speed. */
    private static final int PREDICT_BLOCK_ROWS = 512;

    private final MultiLayerNetwork net;
    private final DenseParams[] layers;
    private final boolean softmaxCrossEntropy;
    private final float keepProbability;
    private final INDArray params;
    private final INDArray gradient;
    private final GradientUpdater<?> updater;
    private final long seed;
    private final Map<Integer, DenseBuffers> buffersByRows = new HashMap<>();
    /** Forward-pass buffers of {@link #predict}, kept between calls (validation runs after every epoch). */
    private final Map<Integer, DenseBuffers> predictionBuffersByRows = new HashMap<>(4);

    private final JavaUpdaterRules updaterRules = new JavaUpdaterRules();
    private SplittableRandom random;

    private DenseBackprop(
            MultiLayerNetwork net,
            DenseParams[] layers,
            boolean softmaxCrossEntropy,
            float keepProbability,
            GradientUpdater<?> updater,
            INDArray gradient,
            long seed) {
        this.net = net;
        this.layers = layers;
        this.softmaxCrossEntropy = softmaxCrossEntropy;
        this.keepProbability = keepProbability;
        this.params = net.params();
        this.gradient = gradient;
        this.updater = updater;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The step for {@code net}, or empty if it has anything this class does not compute exactly as DL4J. */
    static Optional<DenseBackprop> forNetwork(MultiLayerNetwork net, long seed) {
        String unsupported = unsupported(net);
        if (unsupported != null) {
            LOG.debug("training through DL4J's fit: {}", unsupported);
            return Optional.empty();
        }
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        List<UpdaterBlock> blocks = ((MultiLayerUpdater) net.getUpdater(true)).getUpdaterBlocks();
        if (blocks.size() != 1
                || blocks.get(0).getParamOffsetStart() != 0
                || blocks.get(0).getParamOffsetEnd() != net.numParams()) {
            LOG.debug("training through DL4J's fit: {} updater blocks", blocks.size());
            return Optional.empty();
        }
        return Optional.of(new DenseBackprop(
                net,
                layers(net, true),
                isSoftmaxCrossEntropy(net),
                keepProbability(net),
                blocks.get(0).getGradientUpdater(),
                blocks.get(0).getGradientView(),
                seed));
    }

    /**
     * For {@link #predict} alone, or empty if DL4J must compute {@code net}'s outputs: no gradient views or updater
     * state are created (a network loaded only to be evaluated has none), and {@link #fit} must not be called.
     */
    static Optional<DenseBackprop> forPrediction(MultiLayerNetwork net) {
        if (unsupported(net) != null) {
            return Optional.empty();
        }
        return Optional.of(new DenseBackprop(net, layers(net, false), isSoftmaxCrossEntropy(net), 1f, null, null, 0L));
    }

    /** Each layer's parameters as views of the network's flat arrays; gradients only {@code withGradients}. */
    private static DenseParams[] layers(MultiLayerNetwork net, boolean withGradients) {
        int count = net.getnLayers();
        DenseParams[] layers = new DenseParams[count];
        for (int l = 0; l < count; l++) {
            Layer layer = net.getLayer(l);
            Map<String, INDArray> gradients = withGradients
                    ? DefaultParamInitializer.getInstance()
                            .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray())
                    : Map.of();
            INDArray weightGradient = gradients.get(DefaultParamInitializer.WEIGHT_KEY);
            var conf = (FeedForwardLayer) layer.conf().getLayer();
            layers[l] = new DenseParams(
                    Blas.Matrix.of(layer.getParam(DefaultParamInitializer.WEIGHT_KEY)),
                    layer.getParam(DefaultParamInitializer.BIAS_KEY),
                    weightGradient == null ? null : Blas.Matrix.of(weightGradient),
                    gradients.get(DefaultParamInitializer.BIAS_KEY),
                    (int) conf.getNIn(),
                    (int) conf.getNOut(),
                    l < count - 1 ? DenseActivation.of(conf.getActivationFn()).orElseThrow() : null);
        }
        return layers;
    }

    private static OutputLayer outputLayer(MultiLayerNetwork net) {
        return (OutputLayer) net.getLayer(net.getnLayers() - 1).conf().getLayer();
    }

    private static boolean isSoftmaxCrossEntropy(MultiLayerNetwork net) {
        return outputLayer(net).getLossFn() instanceof LossMCXENT;
    }

    private static float keepProbability(MultiLayerNetwork net) {
        OutputLayer output = outputLayer(net);
        return output.getIDropout() == null ? 1f : (float) ((Dropout) output.getIDropout()).getP();
    }

    /** Why {@code net} must train through DL4J, or null if this class trains it exactly. */
    static String unsupported(MultiLayerNetwork net) {
        if (net.getLayerWiseConfigurations().getBackpropType() != BackpropType.Standard
                || !net.getLayerWiseConfigurations().getInputPreProcessors().isEmpty()
                || net.getLayerWiseConfigurations().getDataType() != DataType.FLOAT) {
            return "backprop type, input preprocessors or data type";
        }
        int count = net.getnLayers();
        for (int l = 0; l < count; l++) {
            var conf = net.getLayer(l).conf().getLayer();
            boolean last = l == count - 1;
            if (!(conf instanceof BaseLayer base)
                    || (last ? !(conf instanceof OutputLayer) : !(conf instanceof DenseLayer))) {
                return "layer " + l + " is a " + conf.getClass().getSimpleName();
            }
            if (!base.getRegularization().isEmpty()
                    || !base.getRegularizationBias().isEmpty()
                    || base.getWeightNoise() != null
                    || (base.getConstraints() != null && !base.getConstraints().isEmpty())
                    || (base.getGradientNormalization() != null
                            && base.getGradientNormalization() != GradientNormalization.None)
                    || (conf instanceof DenseLayer dense && !dense.hasBias())) {
                return "layer " + l
                        + " has regularization, weight noise, constraints, gradient normalization or no bias";
            }
            if (!last
                    && (base.getIDropout() != null
                            || DenseActivation.of(base.getActivationFn()).isEmpty())) {
                return "hidden layer " + l + ": dropout or activation " + base.getActivationFn();
            }
        }
        OutputLayer output = (OutputLayer) net.getLayer(count - 1).conf().getLayer();
        boolean softmaxCrossEntropy = output.getActivationFn() instanceof ActivationSoftmax
                && output.getLossFn() instanceof LossMCXENT mcxent
                && mcxent.getWeights() == null
                && mcxent.getSoftmaxClipEps() == SOFTMAX_CLIP_EPS;
        boolean identitySquaredError = output.getActivationFn() instanceof ActivationIdentity
                && output.getLossFn() instanceof LossMSE mse
                && mse.getWeights() == null;
        if (!softmaxCrossEntropy && !identitySquaredError) {
            return "output " + output.getActivationFn() + " with " + output.getLossFn();
        }
        if (output.getIDropout() != null
                && !(output.getIDropout() instanceof Dropout dropout && dropout.getPSchedule() == null)) {
            return "output dropout " + output.getIDropout();
        }
        return output.hasBias() ? null : "output layer without bias";
    }

    @Override
    public void startEpoch(int epoch) {
        // masks depend on (seed, epoch) only, like the batch order, so a resumed training draws the same ones
        random = new SplittableRandom(seed ^ (0xC2B2AE3D27D4EB4FL * epoch));
    }

    @Override
    public double fit(INDArray features, INDArray targets) {
        if (updater == null) {
            throw new IllegalStateException("built for prediction only");
        }
        DenseBuffers buffers = buffersByRows.computeIfAbsent(
                features.rows(), rows -> DenseBuffers.forTraining(layers, rows, keepProbability < 1f));
        forward(Blas.Matrix.of(features), buffers, true);
        double loss = outputDelta(targets, buffers);
        backward(buffers);
        int iteration = net.getIterationCount();
        if (!updaterRules.apply(updater, gradient, iteration, net.getEpochCount())) {
            updater.applyUpdater(gradient, iteration, net.getEpochCount());
        }
        Blas.subtract(params, gradient);
        net.setIterationCount(iteration + 1);
        return loss;
    }

    @Override
    public void close() {
        for (Map<Integer, DenseBuffers> buffers : List.of(buffersByRows, predictionBuffersByRows)) {
            buffers.values().forEach(DenseBuffers::free);
            buffers.clear();
        }
    }

    /**
     * The network's outputs for {@code features}, row-major (softmax probabilities or identity values): the forward
     * pass of {@link #fit} without dropout, as DL4J's {@code output(features, false)}, a block of rows at a time. The
     * blocks' buffers are kept for the next call until {@link #close}.
     */
    float[] predict(INDArray features) {
        int rows = (int) features.rows();
        int width = layers[layers.length - 1].outputs();
        float[] outputs = new float[rows * width];
        Blas.Matrix all = Blas.Matrix.of(features);
        for (int start = 0; start < rows; start += PREDICT_BLOCK_ROWS) {
            int end = Math.min(rows, start + PREDICT_BLOCK_ROWS);
            DenseBuffers buffers =
                    predictionBuffersByRows.computeIfAbsent(end - start, n -> DenseBuffers.forPrediction(layers, n));
            forward(all.rowBlock(start, end), buffers, false);
            System.arraycopy(buffers.a[layers.length - 1], 0, outputs, start * width, (end - start) * width);
        }
        return outputs;
    }

    /** The forward pass over {@code features}, which is a whole array when {@code training} (dropout reads it). */
    private void forward(Blas.Matrix features, DenseBuffers buffers, boolean training) {
        Blas.Matrix input = features;
        int last = layers.length - 1;
        for (int l = 0; l <= last; l++) {
            DenseParams layer = layers[l];
            if (training && l == last && keepProbability < 1f) {
                input = dropout(l == 0 ? buffers.features(features.array()) : buffers.a[l - 1], buffers);
            }
            buffers.inputs[l] = input;
            Blas.multiply(input, false, layer.weights(), false, buffers.gemmOut[l]);
            float[] z = buffers.z[l];
            float[] a = buffers.a[l];
            OffHeapFloats.view(buffers.gemmOut[l].array()).get(z);
            OffHeapFloats.view(layer.bias()).get(buffers.row, 0, layer.outputs());
            if (l < last) {
                layer.activation().apply(z, a, buffers.row, layer.outputs());
                OffHeapFloats.view(buffers.activations[l].array()).put(a);
                input = buffers.activations[l];
            } else {
                addRowVector(z, buffers.row, layer.outputs());
                System.arraycopy(z, 0, a, 0, z.length);
                if (softmaxCrossEntropy) {
                    softmaxRows(a, layer.outputs());
                }
            }
        }
    }

    /** Inverted dropout: each input kept with DL4J's keep probability p and scaled by 1/p, into a buffer. */
    private Blas.Matrix dropout(float[] values, DenseBuffers buffers) {
        float[] dropped = buffers.droppedValues;
        float scale = 1f / keepProbability;
        for (int i = 0; i < dropped.length; i++) {
            float mask = random.nextFloat() < keepProbability ? scale : 0f;
            buffers.mask[i] = mask;
            dropped[i] = values[i] * mask;
        }
        OffHeapFloats.view(buffers.dropped.array()).put(dropped);
        return buffers.dropped;
    }

    private static void addRowVector(float[] matrix, float[] row, int width) {
        for (int start = 0; start < matrix.length; start += width) {
            for (int k = 0; k < width; k++) {
                matrix[start + k] += row[k];
            }
        }
    }

    private static void softmaxRows(float[] values, int width) {
        for (int start = 0; start < values.length; start += width) {
            float max = Float.NEGATIVE_INFINITY;
            for (int k = start; k < start + width; k++) {
                max = Math.max(max, values[k]);
            }
            float sum = 0;
            for (int k = start; k < start + width; k++) {
                values[k] = (float) Math.exp(values[k] - max);
                sum += values[k];
            }
            for (int k = start; k < start + width; k++) {
                values[k] /= sum;
            }
        }
    }

    /**
     * The output layer's δ = dLoss/dZ divided by the batch size (DL4J divides the gradient by it), into
     * {@code deltas[last]}; returns the batch's mean loss as DL4J's score: cross-entropy of the softmax clipped at
     * 1e-10, or the squared error divided by the number of outputs.
     */
    private double outputDelta(INDArray targets, DenseBuffers buffers) {
        int last = layers.length - 1;
        float[] out = buffers.a[last];
        float[] truth = buffers.targets(targets);
        float[] delta = buffers.delta[last];
        int rows = buffers.rows;
        int width = layers[last].outputs();
        double loss = 0;
        for (int i = 0; i < out.length; i++) {
            float y = truth[i];
            if (softmaxCrossEntropy) {
                float p = Math.max(out[i], (float) SOFTMAX_CLIP_EPS);
                loss -= y == 0f ? 0 : y * Math.log(p);
                delta[i] = (p - y) / rows;
            } else {
                float error = out[i] - y;
                loss += error * error / width;
                delta[i] = 2 * error / (width * (float) rows);
            }
        }
        OffHeapFloats.view(buffers.deltas[last].array()).put(delta);
        return loss / rows;
    }

    private void backward(DenseBuffers buffers) {
        int last = layers.length - 1;
        for (int l = last; l >= 0; l--) {
            DenseParams layer = layers[l];
            Blas.multiply(buffers.inputs[l], true, buffers.deltas[l], false, layer.weightGradient());
            sumColumns(buffers.delta[l], buffers.row, layer.outputs());
            OffHeapFloats.view(layer.biasGradient()).put(buffers.row, 0, layer.outputs());
            if (l == 0) {
                return;
            }
            // dX = δ·Wᵀ into the layer below's GEMM output (its Z is kept on the heap), then δ below = dX ⊙ f'(Z)
            Blas.multiply(buffers.deltas[l], false, layer.weights(), true, buffers.gemmOut[l - 1]);
            float[] delta = buffers.delta[l - 1];
            OffHeapFloats.view(buffers.gemmOut[l - 1].array()).get(delta);
            if (l == last && keepProbability < 1f) {
                for (int i = 0; i < delta.length; i++) {
                    delta[i] *= buffers.mask[i];
                }
            }
            layers[l - 1].activation().multiplyByDerivative(delta, buffers.z[l - 1], buffers.a[l - 1]);
            OffHeapFloats.view(buffers.deltas[l - 1].array()).put(delta);
        }
    }

    private static void sumColumns(float[] matrix, float[] sums, int width) {
        java.util.Arrays.fill(sums, 0, width, 0f);
        for (int start = 0; start < matrix.length; start += width) {
            for (int k = 0; k < width; k++) {
                sums[k] += matrix[start + k];
            }
        }
    }
}
