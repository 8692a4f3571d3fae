package io.sparktune.driver;

import io.sparktune.space.Candidate;
import io.sparktune.worker.SplitResult;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.WorkerJson;
import io.sparktune.worker.data.HadoopFiles;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
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
 * The search's only user of a Spark context ({@code retrain --spark} has its own: {@link SparkRefit}).
 */
public final class SparkDispatcher implements TrialDispatcher {
    private static final ClassTag<String> STRING = ClassTag$.MODULE$.apply(String.class);

    private final JavaSparkContext context;
    private final SplitFunction splitFunction;

    /**
     * Starts the Spark context; its Hadoop configuration ({@code spark.hadoop.*}, {@code HADOOP_CONF_DIR}) becomes
     * the one {@link HadoopFiles} uses here, and is broadcast once for the tasks to use on the executors.
     */
    public SparkDispatcher(SparkConf conf) {
        this.context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        Configuration hadoop = HadoopConfDir.addTo(context.hadoopConfiguration(), System.getenv("HADOOP_CONF_DIR"));
        HadoopFiles.use(hadoop);
        this.splitFunction = new SplitFunction(context.broadcast(new SerializableWritable<>(hadoop)));
    }

    @Override
    public int parallelism() {
        return Math.max(1, context.defaultParallelism());
    }

    @Override
    public List<SplitResult> run(Candidate candidate, List<SplitTask> splits) {
        context.setJobGroup(candidate.trialId(), candidate.trialId() + " " + candidate.params(), true);
        try {
            List<String> tasks = splits.stream().map(WorkerJson::write).toList();
            RDD<String> partitions =
                    context.sc().parallelize(JavaConverters.asScalaBuffer(tasks).toSeq(), tasks.size(), STRING);
            String[] results = new String[tasks.size()];
            context.sc().runJob(partitions, splitFunction, new AbstractFunction2<Object, String, BoxedUnit>() {
                @Override
                public BoxedUnit apply(Object partition, String result) {
                    results[(Integer) partition] = result;
                    return BoxedUnit.UNIT;
                }
            }, STRING);
            return Arrays.stream(results).map(json -> WorkerJson.read(json, SplitResult.class)).toList();
        } finally {
            context.clearJobGroup();
        }
    }

    @Override
    public void cancelAll() {
        if (!isStopped()) {
            context.cancelAllJobs();
        }
    }

    @Override
    public boolean isStopped() {
        return context.sc().isStopped();
    }

    /** The master URL in use, e.g. {@code local[*]}. */
    public String master() {
        return context.master();
    }

    @Override
    public void close() {
        context.close();
    }
}
