package io.sparktune.worker.train;

import io.sparktune.records.EpochRecord;
import io.sparktune.records.TrialStatus;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.fastpath.BatchStep;
import io.sparktune.worker.fastpath.Predictor;
import io.sparktune.worker.nd.OffHeapFloats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains one network on one train/validation split with early stopping, as Keras'
 * {@code EarlyStopping(patience, min_delta, restore_best_weights=True)}: after each epoch the validation score is
 * computed; training stops after {@code patience} epochs without an improvement larger than {@code min_delta}, at
 * {@code max_epochs}, or after the epoch in which {@code max_trial_seconds} ran out, and the best epoch's weights are
 * restored. A NaN or infinite loss or score stops training at once with status {@link TrialStatus#DIVERGED}; an
 * interrupted thread (a cancelled Spark task) stops it with a {@link CancellationException}.
 */
public final class SplitTrainer {

    /** Scores a network on the validation set; higher is better. */
    @FunctionalInterface
    public interface ValidationScorer extends AutoCloseable {
        double score(MultiLayerNetwork net);

        /**
         * Every metric of the task (scikit-learn names) of the outputs the last {@link #score} call scored, so the
         * split's report needs no further pass over the validation set; empty from a scorer that computes only its
         * score.
         */
        default SortedMap<String, Double> lastMetrics() {
            return Collections.emptySortedMap();
        }

        /** Frees what the scorer keeps between epochs (not the network or the examples). */
        @Override
        default void close() {}
    }

    /**
     * Fits a network for one epoch, in place, and advances its epoch counter (which learning-rate schedules read);
     * the one step that differs between training here and on a cluster. Returns the epoch's training loss, NaN or
     * infinite once it diverged. {@code deadlineNanos} ({@link System#nanoTime()}) may end the epoch early.
     */
    @FunctionalInterface
    public interface EpochFitter extends AutoCloseable {
        double fitEpoch(MultiLayerNetwork net, int epoch, long deadlineNanos);

        /** Frees what the fitter allocated for its epochs (not the network or the examples). */
        @Override
        default void close() {}
    }

    private final TrainingSettings settings;
    private final int batchSize;

    public SplitTrainer(TrainingSettings settings, int batchSize) {
        if (settings.maxEpochs() < 1 || settings.patience() < 0 || batchSize < 1) {
            throw new IllegalArgumentException("need maxEpochs >= 1, patience >= 0, batchSize >= 1; got " + settings
                    + ", batch size " + batchSize);
        }
        this.settings = settings;
        this.batchSize = batchSize;
    }

    /**
     * The {@code scoring} metric on {@code validation}, one of the metrics of its task (else an
     * {@link IllegalArgumentException}); keeps the forward pass's buffers until closed.
     */
    public static ValidationScorer scorer(Scoring scoring, Examples validation) {
        if (!Metrics.scoringsFor(validation.source()).contains(scoring)) {
            throw new IllegalArgumentException("scoring " + scoring.specName() + " does not apply to this data's task");
        }
        Predictor predictor = new Predictor();
        return new ValidationScorer() {
            private SortedMap<String, Double> last;

            @Override
            public double score(MultiLayerNetwork net) {
                last = Metrics.all(Metrics.Outputs.of(predictor, net, validation.features()), validation.source());
                return last.get(scoring.specName());
            }

            @Override
            public SortedMap<String, Double> lastMetrics() {
                return last;
            }

            @Override
            public void close() {
                predictor.close();
            }
        };
    }

    /** Trains {@code net} in place; on return it holds the weights of its best epoch. */
    public TrainingOutcome train(MultiLayerNetwork net, Examples train, ValidationScorer scorer, long shuffleSeed) {
        try (EpochFitter fitter = inThisJvm(train, shuffleSeed)) {
            return train(net, fitter, scorer);
        }
    }

    /**
     * Trains {@code net} in place, each epoch fitted by {@code fitter}; on return it holds its best epoch's weights.
     */
    public TrainingOutcome train(MultiLayerNetwork net, EpochFitter fitter, ValidationScorer scorer) {
        return run(net, fitter, scorer, TrainerState.initial(), settings.maxEpochs(), true)
                .outcome();
    }

    /**
     * Fits exactly {@code epochs} epochs with no validation, as a refit on a whole training set for the number of
     * epochs a search found best. The network ends with the mean of its weights at the ends of the last
     * {@code averagedEpochs} epochs (1: its last weights): Polyak–Ruppert tail averaging, as stochastic weight
     * averaging (Izmailov et al., 2018) does with a constant learning rate, so the model does not depend on where the
     * noise of the last minibatches left it. A NaN or infinite loss stops it with status {@link TrialStatus#DIVERGED};
     * the outcome's best score is NaN (nothing was validated) and its best epoch the last.
     */
    public TrainingOutcome trainEpochs(MultiLayerNetwork net, EpochFitter fitter, int epochs, int averagedEpochs) {
        if (averagedEpochs < 1 || averagedEpochs > epochs) {
            throw new IllegalArgumentException("averagedEpochs must be in 1.." + epochs + ", got " + averagedEpochs);
        }
        long start = System.nanoTime();
        List<EpochRecord> curve = new ArrayList<>();
        INDArray weightSum = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long epochStart = System.nanoTime();
            double trainLoss = fitter.fitEpoch(net, epoch, Long.MAX_VALUE);
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("training interrupted in epoch " + epoch);
            }
            curve.add(new EpochRecord(epoch, trainLoss, Double.NaN, seconds(epochStart)));
            if (!Double.isFinite(trainLoss)) {
                return new TrainingOutcome(
                        TrialStatus.DIVERGED,
                        Double.NaN,
                        epoch,
                        epoch - 1,
                        seconds(start),
                        curve,
                        "diverged in epoch " + epoch + ": train loss " + trainLoss,
                        null);
            }
            if (averagedEpochs > 1 && epoch > epochs - averagedEpochs) {
                weightSum = weightSum == null ? net.params().dup() : weightSum.addi(net.params());
            }
        }
        if (weightSum != null) {
            net.params().assign(weightSum.divi(averagedEpochs)); // in place: views of the parameters stay valid
            weightSum.close();
        }
        return new TrainingOutcome(TrialStatus.OK, Double.NaN, epochs, epochs, seconds(start), curve, null, null);
    }

    /**
     * Epochs fitted in this thread, minibatch by minibatch of {@code train}, reshuffled every epoch from
     * {@code shuffleSeed}; the epoch's loss is the mean of its minibatches' losses.
     */
    public EpochFitter inThisJvm(Examples train, long shuffleSeed) {
        ShuffledBatches batches = new ShuffledBatches(train, batchSize, shuffleSeed);
        return new EpochFitter() {
            private MultiLayerNetwork stepNetwork;
            private BatchStep step;

            @Override
            public double fitEpoch(MultiLayerNetwork net, int epoch, long deadline) {
                if (net != stepNetwork) { // a step holds views of its network's arrays
                    step = BatchStep.forNetwork(net, shuffleSeed);
                    stepNetwork = net;
                }
                step.startEpoch(epoch);
                double[] lossSum = {0};
                int batchCount = batches.forEachBatchOfEpoch(epoch, (x, y) -> {
                    lossSum[0] += step.fit(x, y);
                    return Double.isFinite(lossSum[0])
                            && System.nanoTime() < deadline
                            && !Thread.currentThread().isInterrupted();
                });
                // a step per batch never advances DL4J's epoch counter, which learning-rate schedules read
                net.incrementEpochCount();
                return lossSum[0] / batchCount;
            }

            @Override
            public void close() {
                batches.close();
                if (step != null) {
                    step.close();
                }
            }
        };
    }

    /**
     * Trains one segment of a multi-fidelity schedule: continues from {@code state} up to epoch {@code untilEpoch}
     * (at most {@code max_epochs}) with the same stopping rules. {@code net} keeps its latest weights, so it can be
     * checkpointed and continued; the reported score is the best so far.
     */
    public Segment trainSegment(
            MultiLayerNetwork net,
            Examples train,
            ValidationScorer scorer,
            long shuffleSeed,
            TrainerState state,
            int untilEpoch) {
        try (EpochFitter fitter = inThisJvm(train, shuffleSeed)) {
            return run(net, fitter, scorer, state, Math.min(untilEpoch, settings.maxEpochs()), false);
        }
    }

    /** A segment's outcome, the state to continue from, and whether the training is over (stopped or at max epochs). */
    public record Segment(TrainingOutcome outcome, TrainerState state, boolean finished) {}

    private Segment run(
            MultiLayerNetwork net,
            EpochFitter fitter,
            ValidationScorer scorer,
            TrainerState from,
            int lastEpoch,
            boolean restoreBest) {
        long start = System.nanoTime();
        long deadline =
                settings.maxTrialSeconds() > 0 ? start + (long) (settings.maxTrialSeconds() * 1e9) : Long.MAX_VALUE;
        List<EpochRecord> curve = new ArrayList<>(from.curve());
        double bestScore = from.bestScore();
        int bestEpoch = from.bestEpoch();
        int epochsWithoutImprovement = from.epochsWithoutImprovement();
        INDArray bestParams = null;
        SortedMap<String, Double> reportedMetrics = null; // the best epoch's when it is restored, else the last's
        String message = null;
        // a training whose patience ran out in the segment before (at the epoch a scheduler asked for) is over
        boolean stopped = from.epochs() > 0 && epochsWithoutImprovement >= settings.effectivePatience();
        for (int epoch = from.epochs() + 1; epoch <= lastEpoch && !stopped; epoch++) {
            long epochStart = System.nanoTime();
            double trainLoss = fitter.fitEpoch(net, epoch, deadline);
            if (Thread.currentThread().isInterrupted()) {
                // Spark interrupts a task's thread when its job is cancelled (a budget stop, Ctrl-C): stop at once
                throw new CancellationException("training interrupted in epoch " + epoch);
            }
            double score = Double.isFinite(trainLoss) ? scorer.score(net) : Double.NaN;
            curve.add(new EpochRecord(epoch, trainLoss, score, seconds(epochStart)));
            if (!Double.isFinite(trainLoss) || !Double.isFinite(score)) {
                TrainingOutcome diverged = new TrainingOutcome(
                        TrialStatus.DIVERGED,
                        Double.NaN,
                        epoch,
                        bestEpoch,
                        seconds(start),
                        curve,
                        "diverged in epoch " + epoch + ": train loss " + trainLoss + ", validation score " + score,
                        null);
                OffHeapFloats.free(bestParams);
                return new Segment(diverged, from, true);
            }
            boolean improved = score > bestScore + settings.minDelta();
            if (improved || !restoreBest) {
                reportedMetrics = scorer.lastMetrics();
            }
            if (improved) {
                bestScore = score;
                bestEpoch = epoch;
                if (restoreBest) {
                    bestParams = bestParams == null ? net.params().dup() : bestParams.assign(net.params());
                }
                epochsWithoutImprovement = 0;
            } else if (++epochsWithoutImprovement >= settings.effectivePatience()) {
                stopped = true;
            }
            if (!stopped && System.nanoTime() >= deadline) {
                message = "stopped after epoch " + epoch + ": max_trial_seconds " + settings.maxTrialSeconds()
                        + " reached";
                stopped = true;
            }
        }
        if (bestParams != null) {
            net.setParams(bestParams);
            OffHeapFloats.free(bestParams);
        }
        TrainerState state = new TrainerState(bestScore, bestEpoch, epochsWithoutImprovement, curve);
        TrainingOutcome outcome = new TrainingOutcome(
                TrialStatus.OK, bestScore, curve.size(), bestEpoch, seconds(start), curve, message, reportedMetrics);
        return new Segment(outcome, state, stopped || curve.size() >= settings.maxEpochs());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
