package io.sparktune.worker;

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
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SplitTask} wherever it is called: in a test, in the local CLI or inside a Spark executor. Never
 * throws for a bad candidate: an exception becomes a {@code FAILED} result carrying its message.
 */
public final class SplitJob {
    private static final Logger LOG = LoggerFactory.getLogger(SplitJob.class);
    private static final String WORKER = ProcessHandle.current().pid() + "@" + hostName();

    private SplitJob() {
    }

    public static SplitResult run(SplitTask task) {
        long start = System.nanoTime();
        return prepareAndRun(task, start).withTaskSeconds((System.nanoTime() - start) / 1e9);
    }

    private static SplitResult prepareAndRun(SplitTask task, long start) {
        try {
            LabeledData data = DataCache.load(task.data());
            Folds.Split split = task.plan().split(data, task.split());
            // arrays and network are freed when the split ends: an executor runs thousands of them
            try (Examples.Pair examples = Examples.split(data, split, task.data().standardize())) {
                long seed = TrialSeeds.splitSeed(task.candidate().seed(), task.split());
                Optional<Checkpoints.Restored> restored = task.trainsSegment()
                        ? Checkpoints.load(task.checkpointDir(), task.candidate().trialId(), task.split()) : Optional.empty();
                if (restored.isEmpty() && task.continuesFromCheckpoint()) {
                    // never a silent restart from scratch: the trial's earlier epochs would be trained twice
                    return failed(task, start, "checkpoint missing: "
                            + Checkpoints.location(task.checkpointDir(), task.candidate().trialId(), task.split()));
                }
                MultiLayerNetwork net = restored.map(Checkpoints.Restored::net).orElseGet(() -> newNetwork(task, data, seed));
                try {
                    return trainAndScore(task, examples, net, restored, seed);
                } finally {
                    free(net);
                }
            }
        } catch (Exception | OutOfMemoryError e) {
            if (e instanceof CancellationException) {
                LOG.info("{} split {} cancelled: {}", task.candidate().trialId(), task.split(), e.getMessage());
            } else {
                LOG.warn("{} split {} failed: {}", task.candidate().trialId(), task.split(), e.toString());
            }
            return failed(task, start, e.toString());
        }
    }

    private static SplitResult failed(SplitTask task, long start, String message) {
        return new SplitResult(task.candidate().trialNumber(), task.split(), TrialStatus.FAILED, Double.NaN, 0, 0,
                (System.nanoTime() - start) / 1e9, List.of(), message, WORKER);
    }

    private static SplitResult trainAndScore(SplitTask task, Examples.Pair examples, MultiLayerNetwork net,
                                             Optional<Checkpoints.Restored> restored, long seed) throws IOException {
        SplitTrainer trainer = new SplitTrainer(task.training(), task.batchSize());
        TrainingOutcome outcome;
        try (SplitTrainer.ValidationScorer scorer = SplitTrainer.scorer(task.scoring(), examples.validation())) {
            if (task.trainsSegment()) {
                SplitTrainer.Segment segment = trainer.trainSegment(net, examples.train(), scorer, seed,
                        restored.map(Checkpoints.Restored::state).orElse(TrainerState.initial()), task.untilEpoch());
                Checkpoints.save(task.checkpointDir(), task.candidate().trialId(), task.split(), net, segment.state());
                outcome = segment.outcome();
            } else {
                outcome = trainer.train(net, examples.train(), scorer, seed);
            }
        }
        SortedMap<String, Double> metrics = outcome.validationMetrics();
        if (metrics == null && outcome.status() == TrialStatus.OK) {   // a segment with no epoch left to run
            Examples validation = examples.validation();
            metrics = Metrics.all(net, validation.features(), validation.source());
        }
        return new SplitResult(task.candidate().trialNumber(), task.split(), outcome.status(), outcome.bestScore(),
                outcome.epochsRun(), outcome.bestEpoch(), outcome.fitSeconds(), outcome.curve(), outcome.message(),
                WORKER, outcome.status() == TrialStatus.OK ? metrics : null);
    }

    private static MultiLayerNetwork newNetwork(SplitTask task, LabeledData data, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkFactory.build(task.candidate(), task.training().loss(),
                task.training().huberDelta(), data.cols(), data.isRegression() ? 1 : data.numClasses(), seed));
        net.init();
        return net;
    }

    /**
     * Frees the network's parameters, gradients and optimizer state now. Not {@code MultiLayerNetwork.close()}: that
     * also destroys the thread's workspaces and calls {@code System.gc()} twice, full collections of 50–100 ms that
     * stop every training in the JVM, after every split (bench/NOTES.md).
     */
    private static void free(MultiLayerNetwork net) {
        OffHeapFloats.free(net.params(), net.getFlattenedGradients(),
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
