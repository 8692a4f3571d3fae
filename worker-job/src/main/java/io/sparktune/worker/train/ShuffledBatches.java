package io.sparktune.worker.train;

import io.sparktune.worker.nd.OffHeapFloats;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mini-batches of a training set, reshuffled every epoch (as Keras' {@code fit(shuffle=True)}). The shuffled copy
 * is written into arrays allocated once; each batch is a view of it, so an epoch allocates no feature memory (a
 * consumer that keeps a batch beyond its call must copy it). Used by local training and by each partition of a
 * cluster's refit.
 */
public final class ShuffledBatches implements AutoCloseable {
    private final INDArray features;
    private final INDArray labels;
    private final INDArray shuffledFeatures;
    private final INDArray shuffledLabels;
    private final int batchSize;
    private final long seed;
    private final int[] order;

    public ShuffledBatches(Examples examples, int batchSize, long seed) {
        this.features = examples.features();
        this.labels = examples.targets();
        this.shuffledFeatures = features.ulike();
        this.shuffledLabels = labels.ulike();
        this.batchSize = batchSize;
        this.seed = seed;
        this.order = new int[(int) features.rows()];
    }

    /** Receives one batch; returns false to end the epoch early. */
    @FunctionalInterface
    public interface BatchConsumer {
        boolean accept(INDArray features, INDArray labels);
    }

    /**
     * Shuffles for epoch {@code epoch}, then hands each batch to {@code fitBatch} until it returns false; returns the
     * batches handed. The order depends only on (seed, epoch), so a training resumed from a checkpoint at epoch k
     * sees the same batches as one that never stopped.
     */
    public int forEachBatchOfEpoch(int epoch, BatchConsumer fitBatch) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * epoch));
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Nd4j.pullRows(features, shuffledFeatures, 1, order);
        Nd4j.pullRows(labels, shuffledLabels, 1, order);
        int batches = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            batches++;
            if (!fitBatch.accept(shuffledFeatures.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                    shuffledLabels.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()))) {
                break;
            }
        }
        return batches;
    }

    /** Frees the shuffled copies (not the examples). */
    @Override
    public void close() {
        OffHeapFloats.free(shuffledFeatures, shuffledLabels);
    }
}
