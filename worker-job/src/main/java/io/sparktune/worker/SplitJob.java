package io.sparktune.worker;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.space.sampler.TrialSeeds;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.Folds;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.nd.OffHeapFloats;
import io.sparktune.worker.net.NetworkFactory;
import io.sparktune.worker.train.Checkpoints;
import io.sparktune.worker.train.Examples;
import io.sparktune.worker.train.Metrics;
import io.sparktune.worker.train.SplitTrainer;
import io.sparktune.worker.train.TrainerState;
import io.sparktune.worker.train.TrainingOutcome;
import java.io.IOException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SplitTask} wherever it is called: in a test, in the local CLI or inside a Spark executor. Never
 * throws for a bad candidate: an error of the candidate's own (building or training its network, out of memory for a
 * too large one) becomes a {@code FAILED} result carrying its message, a NaN loss a {@code DIVERGED} one. An error of
 * the infrastructure around it (reading the data or a checkpoint, writing a checkpoint) is thrown as an
 * {@link InfrastructureException}, so that Spark retries the task elsewhere or later ({@code spark.task.maxFailures}).
 */
public final class SplitJob {
    private static final Logger LOG = LoggerFactory.getLogger(SplitJob.class);
    private static final String WORKER = ProcessHandle.current().pid() + "@" + hostName();

    private SplitJob() {}

    /** An error outside the candidate's own training: the task failed, not the candidate; it may work again. */
    public static final class InfrastructureException extends RuntimeException {
        InfrastructureException(SplitTask task, Throwable cause) {
            super(task.candidate().trialId() + " split " + task.split() + ": " + cause.getMessage(), cause);
        }
    }

    public static SplitResult run(SplitTask task) {
        long start = System.nanoTime();
        try {
            return prepareAndRun(task, start).withTaskSeconds((System.nanoTime() - start) / 1e9);
        } catch (OutOfMemoryError e) {
            // not the candidate's (its own is a FAILED result): e.g. the data set while it was read. Thrown as it is,
            // an OutOfMemoryError would end the executor's JVM (in local mode the driver's); this fails the task only
            throw new InfrastructureException(task, e);
        }
    }

    private static SplitResult prepareAndRun(SplitTask task, long start) {
        LabeledData data = infrastructure(task, () -> DataCache.load(task.data()));
        Folds.Split split = task.plan().split(data, task.split());
        // arrays and network are freed when the split ends: an executor runs thousands of them
        try (Examples.Pair examples = Examples.split(data, split, task.data().standardize())) {
            long seed = TrialSeeds.splitSeed(task.candidate().seed(), task.split());
            Optional<Checkpoints.Restored> restored = task.trainsSegment()
                    ? infrastructure(
                            task,
                            () -> Checkpoints.load(
                                    task.checkpointDir(), task.candidate().trialId(), task.split()))
                    : Optional.empty();
            if (restored.isEmpty() && task.continuesFromCheckpoint()) {
                // never a silent restart from scratch: the trial's earlier epochs would be trained twice
                return failed(
                        task,
                        start,
                        "checkpoint missing: "
                                + Checkpoints.location(
                                        task.checkpointDir(), task.candidate().trialId(), task.split()));
            }
            MultiLayerNetwork net = null;
            try {
                net = restored.map(Checkpoints.Restored::net)
                        .orElseGet(() -> NetworkFactory.initialised(task.candidate(), task.training(), data, seed));
                Trained trained = trainAndScore(task, examples, net, restored, seed);
                if (trained.state() != null) {
                    MultiLayerNetwork trainedNet = net;
                    infrastructure(task, () -> {
                        Checkpoints.save(
                                task.checkpointDir(),
                                task.candidate().trialId(),
                                task.split(),
                                trainedNet,
                                trained.state());
                        return null;
                    });
                }
                return trained.result();
            } catch (InfrastructureException e) {
                throw e;
            } catch (Exception | OutOfMemoryError e) {
                return failed(task, e, start);
            } finally {
                if (net != null) {
                    free(net);
                }
            }
        }
    }

    private static SplitResult failed(SplitTask task, Throwable e, long start) {
        if (e instanceof CancellationException) {
            LOG.info("{} split {} cancelled: {}", task.candidate().trialId(), task.split(), e.getMessage());
        } else {
            LOG.warn("{} split {} failed: {}", task.candidate().trialId(), task.split(), e.toString());
        }
        return failed(task, start, e.toString());
    }

    private static SplitResult failed(SplitTask task, long start, String message) {
        return SplitResult.failed(
                task.candidate().trialNumber(), task.split(), (System.nanoTime() - start) / 1e9, message, WORKER);
    }

    /** Reading or writing something the candidate does not own. */
    private interface Io<T> {
        T call() throws IOException;
    }

    private static <T> T infrastructure(SplitTask task, Io<T> io) {
        try {
            return io.call();
        } catch (IOException e) {
            LOG.warn(
                    "{} split {}: {} (the task fails, to be retried)",
                    task.candidate().trialId(),
                    task.split(),
                    e.toString());
            throw new InfrastructureException(task, e);
        }
    }

    /** A trained split's result, and for a segment the state to save in its checkpoint (else null). */
    private record Trained(SplitResult result, TrainerState state) {}

    private static Trained trainAndScore(
            SplitTask task,
            Examples.Pair examples,
            MultiLayerNetwork net,
            Optional<Checkpoints.Restored> restored,
            long seed) {
        SplitTrainer trainer = new SplitTrainer(task.training(), task.batchSize());
        TrainingOutcome outcome;
        TrainerState state = null;
        try (SplitTrainer.ValidationScorer scorer = SplitTrainer.scorer(task.scoring(), examples.validation())) {
            if (task.trainsSegment()) {
                SplitTrainer.Segment segment = trainer.trainSegment(
                        net,
                        examples.train(),
                        scorer,
                        seed,
                        restored.map(Checkpoints.Restored::state).orElse(TrainerState.initial()),
                        task.untilEpoch());
                state = segment.state();
                outcome = segment.outcome();
            } else {
                outcome = trainer.train(net, examples.train(), scorer, seed);
            }
        }
        SortedMap<String, Double> metrics = outcome.validationMetrics();
        if (metrics == null && outcome.status() == TrialStatus.OK) { // a segment with no epoch left to run
            Examples validation = examples.validation();
            metrics = Metrics.all(net, validation.features(), validation.source());
        }
        return new Trained(
                new SplitResult(
                        task.candidate().trialNumber(),
                        task.split(),
                        outcome.status(),
                        outcome.bestScore(),
                        outcome.epochsRun(),
                        outcome.bestEpoch(),
                        outcome.fitSeconds(),
                        outcome.curve(),
                        outcome.message(),
                        WORKER,
                        outcome.status() == TrialStatus.OK ? metrics : null),
                state);
    }

    /**
     * Frees the network's parameters, gradients and optimizer state now. Not {@code MultiLayerNetwork.close()}: that
     * also destroys the thread's workspaces and calls {@code System.gc()} twice, full collections of 50–100 ms that
     * stop every training in the JVM, after every split (bench/NOTES.md).
     */
    private static void free(MultiLayerNetwork net) {
        OffHeapFloats.free(
                net.params(),
                net.getFlattenedGradients(),
                net.getUpdater(false) == null ? null : net.getUpdater(false).getStateViewArray());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
