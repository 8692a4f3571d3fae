package io.sparktune.refit;

import io.sparktune.driver.JobHadoopSettings;
import io.sparktune.space.sampler.TrialSeeds;
import io.sparktune.worker.train.SplitTrainer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fits a refit's epochs on Spark with dl4j-spark: {@link SparkDl4jMultiLayer} and a
 * {@link ParameterAveragingTrainingMaster}. Every worker (one per core of Spark's default parallelism) starts from the
 * same weights and optimizer state and fits a few minibatches ({@link #AVERAGING_FREQUENCY} by default) of the row's
 * batch size from its share of the rows ({@link RefitPartitions}); then the driver averages weights and optimizer
 * state and broadcasts them again. One pass over all rows is an epoch, after which {@code max_trial_seconds} is
 * checked (not within it). Early stopping, scoring and saving stay {@link io.sparktune.refit.Retrainer}'s: after each
 * epoch the driver's network holds the averaged weights. The Spark context starts when the training does (after the
 * spec, the row and the data were read, so a mistake there is reported without starting Spark) and stops on
 * {@link #close()}.
 */
public final class SparkRefit implements RefitEngine, AutoCloseable {
    /**
     * Minibatches each worker fits between two averagings, by default: DL4J's default, and the low end of the 5-10 its
     * guide recommends. Each averaging is a Spark job that broadcasts and aggregates weights plus optimizer state, so
     * averaging after every minibatch would cost more than the training; much rarer averaging lets the workers' copies
     * drift apart (each sees a different share of the data), which costs accuracy per epoch.
     */
    public static final int AVERAGING_FREQUENCY = 5;

    private final SparkConf conf;
    private final int averagingFrequency;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private JavaSparkContext context;
    private RefitPartitions partitions;
    private JobHadoopSettings hadoopSettings;

    /** @param averagingFrequency minibatches each worker fits between two averagings ({@link #AVERAGING_FREQUENCY}) */
    public SparkRefit(SparkConf conf, int averagingFrequency) {
        if (averagingFrequency < 1) {
            throw new IllegalArgumentException("the averaging frequency must be at least 1, got " + averagingFrequency);
        }
        this.conf = conf;
        this.averagingFrequency = averagingFrequency;
        settings.put("engine", "spark");
    }

    @Override
    public SplitTrainer.EpochFitter fitter(TrainingSet training, SplitTrainer trainer) {
        if (context == null) {
            context = new JavaSparkContext(conf);
            context.setLogLevel("WARN");
            hadoopSettings = JobHadoopSettings.install(context);
        }
        int workers = Math.max(1, context.defaultParallelism());
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(
                        workers, training.batchSize())
                .batchSizePerWorker(training.batchSize())
                .averagingFrequency(averagingFrequency)
                // average Adam's moments, momentum etc. too: without, each round would restart the optimizer
                .saveUpdater(true)
                // the RDD is already one partition per worker, each a share of the rows: train on it as it is
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .repartionData(Repartition.NumPartitionsWorkersDiffers)
                // every averaging round reads the epoch's whole partition: keep it as objects, not serialized bytes
                .storageLevel(StorageLevel.MEMORY_AND_DISK())
                .workerPrefetchNumBatches(0)
                .rngSeed(training.seed())
                .trainingHooks(new SeededWorkerRandom(training.seed()))
                .build();
        if (partitions != null) {
            partitions.release();
        }
        partitions = new RefitPartitions(context, training, workers, hadoopSettings);
        settings.put("master", context.master());
        settings.put("training_master", "ParameterAveragingTrainingMaster");
        settings.put("workers", workers);
        settings.put("batch_size_per_worker", training.batchSize());
        settings.put("averaging_frequency", averagingFrequency);
        settings.put("save_updater", true);
        SparkDl4jMultiLayer[] spark = new SparkDl4jMultiLayer[1];
        return (net, epoch, deadlineNanos) -> {
            if (spark[0] == null || spark[0].getNetwork() != net) {
                spark[0] = new SparkDl4jMultiLayer(context, net, master);
            }
            context.setJobGroup("refit", "refit epoch " + epoch, true);
            JavaRDD<DataSet> batches = partitions.epoch(epoch);
            try {
                // one pass over the epoch's minibatches; also advances net's epoch counter
                spark[0].fit(batches);
            } finally {
                batches.unpersist(false);
                context.clearJobGroup();
            }
            // the mean over workers of their last minibatch's loss in the epoch's last averaging round
            return spark[0].getScore();
        };
    }

    /**
     * Seeds the worker thread's ND4J random generator (dropout masks) before each minibatch from (seed, partition,
     * iteration). DL4J seeds it only when a network initialises its own weights, which a worker's copy never does, so
     * the masks would depend on which executor thread ran a task before, and a Spark refit would not be repeatable.
     */
    private record SeededWorkerRandom(long seed) implements TrainingHook {
        @Override
        public void preUpdate(org.nd4j.linalg.dataset.api.DataSet minibatch, Model model) {
            long step = ((MultiLayerNetwork) model).getIterationCount();
            Nd4j.getRandom()
                    .setSeed(
                            TrialSeeds.splitSeed(TrialSeeds.splitSeed(seed, TaskContext.getPartitionId()), (int) step));
        }

        @Override
        public void postUpdate(org.nd4j.linalg.dataset.api.DataSet minibatch, Model model) {}

        @Override
        public void preUpdate(MultiDataSet minibatch, Model model) {}

        @Override
        public void postUpdate(MultiDataSet minibatch, Model model) {}
    }

    @Override
    public Map<String, Object> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public void close() {
        if (partitions != null) {
            partitions.release();
        }
        if (context != null) {
            context.close();
        }
    }
}
