package io.sparktune.driver;

import io.sparktune.records.SplitResult;
import io.sparktune.records.WorkerJson;
import io.sparktune.space.Candidate;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.data.HadoopFiles;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs each trial as its own Spark job, one task per split, so a trial's splits train in parallel on executor cores.
 * The job group is the trial id and the description its parameters, so the Spark UI reads like the leaderboard.
 * The search's only user of a Spark context ({@code retrain --spark} has its own:
 * {@code io.sparktune.refit.SparkRefit}). When the
 * context stops under the search (e.g. the master killed the application), the jobs it ended throw and
 * {@link #stopCause()} keeps Spark's reason.
 */
public final class SparkDispatcher implements TrialDispatcher {
    private static final ClassTag<String> STRING = ClassTag$.MODULE$.apply(String.class);

    /** A job aborted by the cluster fails a moment before the context is marked stopped: how long to wait for it. */
    private static final long STOP_GRACE_MILLIS = 3000;

    private static final String ABORTED = "Job aborted due to stage failure: ";

    private final JavaSparkContext context;
    private final SparkStopReason sparkReason;
    private final AtomicReference<String> stopCause = new AtomicReference<>();
    private volatile boolean cancelling;
    private volatile int lastParallelism = 1;
    private final SplitFunction splitFunction;

    /**
     * Starts the Spark context; its Hadoop configuration ({@code spark.hadoop.*}, {@code HADOOP_CONF_DIR}) becomes
     * the one {@link HadoopFiles} uses here, and its settings travel with every task to the executors.
     */
    public SparkDispatcher(SparkConf conf) {
        this.sparkReason = SparkStopReason.install();
        try {
            this.context = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            sparkReason.uninstall();
            throw e;
        }
        context.setLogLevel("WARN");
        this.splitFunction = new SplitFunction(JobHadoopSettings.install(context));
    }

    /** The address of Spark's web UI, if it runs ({@code spark.ui.enabled}). */
    public java.util.Optional<String> uiUrl() {
        scala.Option<String> url = context.sc().uiWebUrl();
        return url.isDefined() ? java.util.Optional.of(url.get()) : java.util.Optional.empty();
    }

    @Override
    public int parallelism() {
        try {
            lastParallelism = Math.max(1, context.defaultParallelism());
        } catch (IllegalStateException e) {
            // stopped: the search is ending, the last known value will do
        }
        return lastParallelism;
    }

    @Override
    public List<SplitResult> run(Candidate candidate, List<SplitTask> splits) {
        context.setJobGroup(candidate.trialId(), candidate.trialId() + " " + candidate.params(), true);
        try {
            List<String> tasks = splits.stream().map(WorkerJson::write).toList();
            RDD<String> partitions =
                    context.sc().parallelize(JavaConverters.asScalaBuffer(tasks).toSeq(), tasks.size(), STRING);
            String[] results = new String[tasks.size()];
            context.sc()
                    .runJob(
                            partitions,
                            splitFunction,
                            new AbstractFunction2<Object, String, BoxedUnit>() {
                                @Override
                                public BoxedUnit apply(Object partition, String result) {
                                    results[(Integer) partition] = result;
                                    return BoxedUnit.UNIT;
                                }
                            },
                            STRING);
            return Arrays.stream(results)
                    .map(json -> WorkerJson.read(json, SplitResult.class))
                    .toList();
        } catch (RuntimeException e) {
            if (!cancelling && stoppedWithin(STOP_GRACE_MILLIS)) {
                reasonOf(e).ifPresent(reason -> stopCause.compareAndSet(null, reason));
            }
            throw e;
        } finally {
            context.clearJobGroup();
        }
    }

    @Override
    public void cancelAll() {
        cancelling = true;
        if (!isStopped()) {
            context.cancelAllJobs();
        }
    }

    /** Spark's reason for stopping the context under the search: as Spark logged it, or as a job it aborted gave it. */
    @Override
    public Optional<String> stopCause() {
        return sparkReason.reason().or(() -> Optional.ofNullable(stopCause.get()));
    }

    private boolean stoppedWithin(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!isStopped() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return isStopped();
    }

    /** "Master removed our application: KILLED" of a job the cluster aborted; none for a job merely cancelled. */
    static Optional<String> reasonOf(Throwable e) {
        String message =
                e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return message.startsWith(ABORTED)
                ? Optional.of(message.substring(ABORTED.length()).trim())
                : Optional.empty();
    }

    /**
     * True once the context stopped, or once Spark said the cluster removed the application: its jobs then abort a
     * moment before the context is marked stopped, and they must not be recorded as failed trials.
     */
    @Override
    public boolean isStopped() {
        return context.sc().isStopped() || sparkReason.reason().isPresent();
    }

    /** The master URL in use, e.g. {@code local[*]}. */
    public String master() {
        return context.master();
    }

    /** Whether tasks run in this JVM ({@code local} or {@code local[N]}), so data it reads is shared with them. */
    public boolean runsTasksInThisJvm() {
        return master().equals("local") || master().startsWith("local[");
    }

    /**
     * Stops the context. After the cluster removed the application, the filter on Spark's log stays: Spark's threads
     * go on logging their shutdown after this returns, until the JVM ends.
     */
    @Override
    public void close() {
        try {
            context.close();
        } finally {
            if (sparkReason.reason().isEmpty()) {
                sparkReason.uninstall();
            }
        }
    }
}
