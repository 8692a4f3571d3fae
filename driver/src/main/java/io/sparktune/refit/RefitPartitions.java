package io.sparktune.refit;

import io.sparktune.driver.JobHadoopSettings;
import io.sparktune.records.WorkerJson;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.DataRef;
import io.sparktune.worker.data.Folds;
import io.sparktune.worker.data.HadoopFiles;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.train.Examples;
import io.sparktune.worker.train.ShuffledBatches;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * A refit's training rows as an RDD of minibatches, one partition per worker. The driver deals the rows out once into
 * stratified shares of equal size (so each worker sees every class); each epoch, the executor holding a
 * partition reads the data from the same files as the driver (its own per-JVM {@link DataCache}), standardizes its
 * share with the driver's standardizer, reshuffles it for the epoch and cuts it into minibatches. Only row numbers
 * and the tasks travel from the driver; a partition is a pure function of (share, seed, epoch), so Spark can recompute
 * one that an executor lost.
 */
final class RefitPartitions {
    private final JavaSparkContext context;
    private final int partitions;
    private final Broadcast<int[][]> shares;
    private final String source;
    private final NormalizerStandardize standardizer;
    private final int batchSize;
    private final long seed;
    private final JobHadoopSettings hadoopSettings;

    RefitPartitions(
            JavaSparkContext context,
            RefitEngine.TrainingSet training,
            int partitions,
            JobHadoopSettings hadoopSettings) {
        this.context = context;
        this.hadoopSettings = hadoopSettings;
        this.partitions = partitions;
        this.shares = context.broadcast(deal(training, partitions));
        this.source = WorkerJson.write(training.source());
        this.standardizer = training.standardizer().orElse(null);
        this.batchSize = training.batchSize();
        this.seed = training.seed();
    }

    /**
     * The minibatches of epoch {@code epoch} (1-based), {@code batchSize} examples each (the last of a share fewer).
     */
    JavaRDD<DataSet> epoch(int epoch) {
        List<Integer> indices = IntStream.range(0, partitions).boxed().toList();
        return context.parallelize(indices, partitions)
                .mapPartitionsWithIndex(
                        new EpochBatches(shares, source, standardizer, batchSize, seed, epoch, hadoopSettings), true);
    }

    /** Drops the row shares from the executors. */
    void release() {
        shares.destroy();
    }

    /**
     * The training rows dealt into {@code partitions} stratified shares of (nearly) equal size, as the folds of a
     * stratified k-fold split (every share holds each class in its overall proportion, as parameter averaging wants).
     */
    static int[][] deal(RefitEngine.TrainingSet training, int partitions) {
        int[] rows = training.rows();
        if (partitions == 1) {
            return new int[][] {rows.clone()};
        }
        LabeledData data = training.examples().source();
        int[][] shares = new int[partitions][];
        for (int p = 0; p < partitions; p++) {
            shares[p] = IntStream.of(Folds.kFold(data.strata(), data.numStrata(), partitions, p, training.seed())
                            .validation())
                    .map(i -> rows[i])
                    .toArray();
        }
        return shares;
    }

    /** Builds one partition's minibatches of one epoch, on the executor. */
    private record EpochBatches(
            Broadcast<int[][]> shares,
            String source,
            NormalizerStandardize standardizer,
            int batchSize,
            long seed,
            int epoch,
            JobHadoopSettings hadoopSettings)
            implements Function2<Integer, Iterator<Integer>, Iterator<DataSet>> {

        @Override
        public Iterator<DataSet> call(Integer partition, Iterator<Integer> ignored) throws Exception {
            HadoopFiles.use(hadoopSettings.configuration()); // the job's, as a search's tasks read
            DataRef ref = WorkerJson.read(source, DataRef.class);
            Examples share = Examples.of(DataCache.load(ref).select(shares.value()[partition]));
            if (standardizer != null) {
                standardizer.transform(share.features());
            }
            List<DataSet> batches = new ArrayList<>();
            // the batches are views of one shuffled copy: keep copies
            new ShuffledBatches(share, batchSize, seed + partition)
                    .forEachBatchOfEpoch(epoch, (x, y) -> batches.add(new DataSet(x.dup(), y.dup())));
            return batches.iterator();
        }
    }
}
