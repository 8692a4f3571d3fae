package io.sparktune.worker.train;

import io.sparktune.worker.TrialStatus;
import io.sparktune.worker.data.LabeledData;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains one network on one train/validation split with early stopping, as Keras'
 * {@code EarlyStopping(patience, restore_best_weights=True)}: after each epoch the validation score is computed; training
 * stops after {@code patience} epochs without improvement (or at {@code maxEpochs}) and the best epoch's weights are
 * restored. A NaN or infinite loss or score stops training at once with status {@link TrialStatus#DIVERGED}.
 */
public final class SplitTrainer {

    /** Scores a network on the validation set; higher is better. */
    @FunctionalInterface
    public interface ValidationScorer {
        double score(MultiLayerNetwork net);
    }

    private final int maxEpochs;
    private final int patience;
    private final int batchSize;

    public SplitTrainer(int maxEpochs, int patience, int batchSize) {
        if (maxEpochs < 1 || patience < 0 || batchSize < 1) {
            throw new IllegalArgumentException("need maxEpochs >= 1, patience >= 0, batchSize >= 1; got "
                    + maxEpochs + ", " + patience + ", " + batchSize);
        }
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.batchSize = batchSize;
    }

    /** Classification accuracy on {@code validation}. */
    public static ValidationScorer accuracyOn(LabeledData validation) {
        INDArray features = Matrices.features(validation);
        return net -> Matrices.accuracy(net.output(features, false), validation.labels());
    }

    /** Trains {@code net} in place; on return it holds the weights of its best epoch. */
    public TrainingOutcome train(MultiLayerNetwork net, LabeledData train, ValidationScorer scorer, long shuffleSeed) {
        long start = System.nanoTime();
        ShuffledBatches batches = new ShuffledBatches(train, batchSize, shuffleSeed);
        List<EpochRecord> curve = new ArrayList<>();
        double bestScore = Double.NEGATIVE_INFINITY;
        INDArray bestParams = null;
        int bestEpoch = 0;
        int epochsWithoutImprovement = 0;
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            long epochStart = System.nanoTime();
            double[] lossSum = {0};
            int batchCount = batches.forEachBatchOfNewEpoch((x, y) -> {
                net.fit(x, y);
                lossSum[0] += net.score();
                return Double.isFinite(lossSum[0]);
            });
            double trainLoss = lossSum[0] / batchCount;
            double score = Double.isFinite(trainLoss) ? scorer.score(net) : Double.NaN;
            curve.add(new EpochRecord(epoch, trainLoss, score, seconds(epochStart)));
            if (!Double.isFinite(trainLoss) || !Double.isFinite(score)) {
                return new TrainingOutcome(TrialStatus.DIVERGED, Double.NaN, epoch, bestEpoch, seconds(start), curve,
                        "diverged in epoch " + epoch + ": train loss " + trainLoss + ", validation score " + score);
            }
            if (score > bestScore) {
                bestScore = score;
                bestEpoch = epoch;
                bestParams = net.params().dup();
                epochsWithoutImprovement = 0;
            } else if (++epochsWithoutImprovement >= Math.max(1, patience)) {
                break;
            }
        }
        net.setParams(bestParams);
        return new TrainingOutcome(TrialStatus.OK, bestScore, curve.size(), bestEpoch, seconds(start), curve, null);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
