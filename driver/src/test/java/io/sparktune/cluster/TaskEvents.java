package io.sparktune.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Records what the driver's scheduler saw of every task attempt, for tests that kill processes: which trial (job
 * group) and split (partition) each attempt ran, on which executor, and how it ended. Registered with
 * {@code spark.extraListeners}, so Spark creates it; the records are static.
 */
public final class TaskEvents extends SparkListener {
    /**
     * One task attempt: trial id, split, executor id, attempt number, when it started, and which of its trial's Spark
     * jobs it belongs to ({@code segment} 0 for the first; an ASHA promotion or a median-stopping step is a later one).
     */
    public record Attempt(
            long taskId, String trialId, int split, String executorId, int attempt, long launchMillis, int segment) {}

    /** How an attempt ended: null failure for success; {@code executorLost} when its executor went away. */
    public record End(Attempt attempt, String failure, boolean executorLost) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private static final Map<Integer, String> TRIAL_OF_STAGE = new ConcurrentHashMap<>();
    private static final Map<Integer, Integer> SEGMENT_OF_STAGE = new ConcurrentHashMap<>();
    private static final Map<Long, Attempt> RUNNING = new ConcurrentHashMap<>();
    private static final List<End> ENDED = new CopyOnWriteArrayList<>();

    /** Forgets everything recorded so far (call before each search). */
    public static void reset() {
        TRIAL_OF_STAGE.clear();
        SEGMENT_OF_STAGE.clear();
        RUNNING.clear();
        ENDED.clear();
    }

    public static List<End> ended() {
        return new ArrayList<>(ENDED);
    }

    /**
     * Waits for an attempt that has been running for at least {@code minAge} but not longer than {@code maxAge} (so it
     * is training, and far from its end), at most {@code timeout}.
     */
    public static Attempt awaitRunning(Duration minAge, Duration maxAge, Duration timeout) throws InterruptedException {
        return awaitRunning(minAge, maxAge, 0, timeout);
    }

    /** {@link #awaitRunning(Duration, Duration, Duration)} for an attempt of segment {@code minSegment} or later. */
    public static Attempt awaitRunning(Duration minAge, Duration maxAge, int minSegment, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long now = System.currentTimeMillis();
            Optional<Attempt> found = RUNNING.values().stream()
                    .filter(a ->
                            now - a.launchMillis() >= minAge.toMillis() && now - a.launchMillis() <= maxAge.toMillis())
                    .filter(a -> a.segment() >= minSegment)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no task of segment >= " + minSegment + " ran for " + minAge.toMillis() + " ms within "
                + timeout.toSeconds() + " s");
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        String group = event.properties() == null ? null : event.properties().getProperty("spark.jobGroup.id");
        if (group != null) {
            synchronized (TRIAL_OF_STAGE) {
                int stageId = event.stageInfo().stageId();
                if (TRIAL_OF_STAGE.putIfAbsent(stageId, group) == null) {
                    long stagesOfTrial = TRIAL_OF_STAGE.values().stream()
                            .filter(group::equals)
                            .count();
                    SEGMENT_OF_STAGE.put(stageId, (int) stagesOfTrial - 1);
                }
            }
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart event) {
        RUNNING.put(event.taskInfo().taskId(), attempt(event.stageId(), event.taskInfo()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        Attempt attempt = RUNNING.remove(event.taskInfo().taskId());
        if (attempt == null) {
            attempt = attempt(event.stageId(), event.taskInfo());
        }
        String failure = event.reason() instanceof TaskFailedReason failed ? failed.toErrorString() : null;
        ENDED.add(new End(attempt, failure, event.reason() instanceof ExecutorLostFailure));
    }

    private static Attempt attempt(int stageId, org.apache.spark.scheduler.TaskInfo info) {
        return new Attempt(
                info.taskId(),
                TRIAL_OF_STAGE.getOrDefault(stageId, "stage-" + stageId),
                info.index(),
                info.executorId(),
                info.attemptNumber(),
                info.launchTime(),
                SEGMENT_OF_STAGE.getOrDefault(stageId, 0));
    }
}
