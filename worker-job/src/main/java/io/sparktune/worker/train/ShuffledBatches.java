package io.sparktune.worker.train;

import io.sparktune.worker.nd.OffHeapFloats;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches of a training set, reshuffled every epoch (as Keras' {@code fit(shuffle=True)}). Each batch's rows
 * are gathered into arrays allocated once per batch size and reused for the next batch, so an epoch allocates no
 * feature memory and the set is never copied whole (a consumer that keeps a batch beyond its call must copy it).
 * Used by local training and by each partition of a cluster's refit.
 */
public final class ShuffledBatches implements AutoCloseable {
    private final INDArray features;
    private final INDArray labels;
    private final int batchSize;
    private final long seed;
    private final int[] order;
    private final Map<Integer, Batch> batchesBySize = new HashMap<>(4);

    /** The reused arrays of one batch size: the rows' indices and the gathered features and labels. */
    private record Batch(int[] rows, INDArray features, INDArray labels) {}

    public ShuffledBatches(Examples examples, int batchSize, long seed) {
        this.features = examples.features();
        this.labels = examples.targets();
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
        int batches = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int size = Math.min(order.length, start + batchSize) - start;
            Batch batch = batchesBySize.computeIfAbsent(
                    size,
                    rows -> new Batch(
                            new int[rows],
                            Nd4j.create(features.dataType(), new long[] {rows, features.columns()}, 'c'),
                            Nd4j.create(labels.dataType(), new long[] {rows, labels.columns()}, 'c')));
            System.arraycopy(order, start, batch.rows(), 0, size);
            gatherRows(features, batch.rows(), batch.features());
            gatherRows(labels, batch.rows(), batch.labels());
            batches++;
            if (!fitBatch.accept(batch.features(), batch.labels())) {
                break;
            }
        }
        return batches;
    }

    /**
     * Copies the rows of {@code source} at {@code rows} into {@code target}, one memory copy per row. ND4J's
     * {@code pullRows} does the same as a native op that allocates shape information for every call: about a tenth
     * of a small network's training step (bench/NOTES.md).
     */
    private static void gatherRows(INDArray source, int[] rows, INDArray target) {
        if (source.ordering() != 'c' || !OffHeapFloats.isDense(source)) {
            Nd4j.pullRows(source, target, 1, rows);
            return;
        }
        int columns = (int) source.columns();
        FloatBuffer from = OffHeapFloats.view(source);
        FloatBuffer to = OffHeapFloats.view(target);
        for (int i = 0; i < rows.length; i++) {
            to.put(i * columns, from, rows[i] * columns, columns);
        }
    }

    /** Frees the batch arrays (not the examples). */
    @Override
    public void close() {
        batchesBySize.values().forEach(batch -> OffHeapFloats.free(batch.features(), batch.labels()));
        batchesBySize.clear();
    }
}
