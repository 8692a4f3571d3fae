package io.sparktune.worker.net;

import io.sparktune.worker.fastpath.FusedAdam;
import io.sparktune.worker.fastpath.HeavyBallMomentum;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * A trained network in DL4J's own classes only, so that a JVM with nothing but DL4J and ND4J on its class path
 * restores its zip ({@code ModelSerializer.restoreMultiLayerNetwork}) and predicts exactly as sparktune does. The
 * training keeps sparktune's faster or missing pieces; what is saved is their standard counterpart:
 * <ul>
 * <li>{@link FusedAdam} → DL4J's {@code Adam} with the same constants and moments: exact (FusedAdam keeps Adam's
 *     state layout and update rule).</li>
 * <li>{@link CosineDecaySchedule} → a {@link MapSchedule} by epoch holding the cosine's value at every epoch up to
 *     its decay epochs, after which both stay at the floor: exact, value for value.</li>
 * <li>{@link HeavyBallMomentum} → DL4J's {@code Nesterovs} with the same learning rate, momentum and velocity. DL4J
 *     has no classical momentum, and none of its updaters reproduces it: Nesterov takes the gradient at the
 *     look-ahead point (in DL4J's form, {@code w −= μv − (1+μ)v'} instead of {@code w += v'}), and no rewriting
 *     of the velocity makes the two steps equal for every gradient. Predictions are unaffected; training the loaded
 *     model further would take Nesterov steps. Recorded in {@link Portable#differences()}.</li>
 * <li>{@link LossHuber} → DL4J's {@code LossMSE}: DL4J 1.0.0-M2.1 has no Huber loss. Predictions are unaffected; the
 *     loaded model's {@code score()} and further training would use the mean squared error. Recorded too.</li>
 * </ul>
 * Layers, activations, parameters, updater state and the iteration and epoch counters are copied unchanged.
 */
public final class PortableModel {
    private static final String OUR_CLASSES = "\"io.sparktune.";

    /**
     * The portable network and, one line each, where its configuration differs from how the model was trained
     * (empty when the saved configuration is an exact equivalent).
     */
    public record Portable(MultiLayerNetwork network, List<String> differences) {}

    private PortableModel() {}

    /** {@code trained} in DL4J's classes; {@code trained} itself is not changed. */
    public static Portable of(MultiLayerNetwork trained) {
        Set<String> differences = new LinkedHashSet<>();
        MultiLayerConfiguration configuration = configuration(trained.getLayerWiseConfigurations(), differences);
        MultiLayerNetwork portable = new MultiLayerNetwork(configuration);
        portable.init(trained.params(), true);
        copyUpdaterState(trained, portable);
        return new Portable(portable, List.copyOf(differences));
    }

    /**
     * A copy of {@code configuration} naming only DL4J's classes; adds to {@code differences} what is not an exact
     * equivalent. Fails if a class of sparktune is left that this class does not know how to replace.
     */
    public static MultiLayerConfiguration configuration(
            MultiLayerConfiguration configuration, Set<String> differences) {
        MultiLayerConfiguration copy = configuration.clone();
        for (NeuralNetConfiguration layerConfiguration : copy.getConfs()) {
            if (layerConfiguration.getLayer() instanceof BaseLayer layer) {
                layer.setIUpdater(updater(layer.getIUpdater(), differences));
                layer.setBiasUpdater(updater(layer.getBiasUpdater(), differences));
            }
            if (layerConfiguration.getLayer() instanceof BaseOutputLayer output
                    && output.getLossFn() instanceof LossHuber huber) {
                output.setLossFn(new LossMSE());
                differences.add("loss huber (delta " + huber.getDelta() + ") saved as DL4J's LossMSE: DL4J has no "
                        + "Huber loss; predictions are the same, but score() and further training use the mean "
                        + "squared error");
            }
        }
        String json = copy.toJson();
        int ours = json.indexOf(OUR_CLASSES);
        if (ours >= 0) {
            throw new IllegalStateException(
                    "no DL4J equivalent known for " + json.substring(ours + 1, json.indexOf('"', ours + 1)));
        }
        return copy;
    }

    private static IUpdater updater(IUpdater updater, Set<String> differences) {
        if (updater == null) {
            return null;
        }
        IUpdater standard;
        if (updater instanceof FusedAdam fused) {
            standard = fused.asDl4jAdam();
        } else if (updater instanceof HeavyBallMomentum heavyBall) {
            Nesterovs nesterovs = new Nesterovs(heavyBall.getLearningRate(), heavyBall.getMomentum());
            nesterovs.setLearningRateSchedule(heavyBall.getLearningRateSchedule());
            standard = nesterovs;
            differences.add("optimizer momentum (heavy-ball) saved as DL4J's Nesterovs with the same learning rate, "
                    + "momentum and velocity: DL4J has no classical momentum; predictions are the same, but further "
                    + "training would take Nesterov steps");
        } else {
            standard = updater.clone();
        }
        ISchedule schedule = learningRateSchedule(standard);
        if (schedule instanceof CosineDecaySchedule cosine) {
            standard.setLrAndSchedule(cosine.getInitialValue(), byEpoch(cosine));
        }
        return standard;
    }

    /** The cosine's value at epochs 0 … decayEpochs; a {@link MapSchedule} keeps the last one for later epochs. */
    static MapSchedule byEpoch(CosineDecaySchedule cosine) {
        Map<Integer, Double> values = new TreeMap<>();
        for (int epoch = 0; epoch <= cosine.getDecayEpochs(); epoch++) {
            values.put(epoch, cosine.valueAt(0, epoch));
        }
        return new MapSchedule(ScheduleType.EPOCH, values);
    }

    /**
     * The updater's learning-rate schedule, or null. DL4J's updaters and ours all hold it in a bean property
     * {@code learningRateSchedule}, but {@link IUpdater} has no getter for it.
     */
    private static ISchedule learningRateSchedule(IUpdater updater) {
        try {
            return (ISchedule)
                    updater.getClass().getMethod("getLearningRateSchedule").invoke(updater);
        } catch (NoSuchMethodException e) {
            return null; // an updater without a learning rate (NoOp, AdaDelta)
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the schedule of " + updater, e);
        }
    }

    /**
     * Copies the optimizer state (Adam's moments, the velocity, …). The state is one flat array, split into blocks
     * of parameters with equal updater configurations; the conversion maps equal configurations to equal ones, so
     * the blocks, and with them the layout, are the same (checked).
     */
    private static void copyUpdaterState(MultiLayerNetwork from, MultiLayerNetwork to) {
        INDArray state = from.getUpdater().getStateViewArray();
        if (state == null || state.length() == 0) {
            return; // plain SGD keeps no state
        }
        List<UpdaterBlock> source = ((BaseMultiLayerUpdater<?>) from.getUpdater()).getUpdaterBlocks();
        List<UpdaterBlock> target = ((BaseMultiLayerUpdater<?>) to.getUpdater()).getUpdaterBlocks();
        boolean sameLayout = source.size() == target.size();
        for (int i = 0; sameLayout && i < source.size(); i++) {
            UpdaterBlock a = source.get(i);
            UpdaterBlock b = target.get(i);
            sameLayout = a.getParamOffsetStart() == b.getParamOffsetStart()
                    && a.getParamOffsetEnd() == b.getParamOffsetEnd()
                    && a.getUpdaterViewOffsetStart() == b.getUpdaterViewOffsetStart()
                    && a.getUpdaterViewOffsetEnd() == b.getUpdaterViewOffsetEnd();
        }
        if (!sameLayout) {
            throw new IllegalStateException("the DL4J updaters group the parameters differently: " + source.size()
                    + " updater blocks trained, " + target.size() + " to save");
        }
        to.getUpdater().getStateViewArray().assign(state);
    }
}
