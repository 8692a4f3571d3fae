package io.sparktune.driver;

import io.sparktune.worker.SplitJob;
import io.sparktune.worker.SplitResult;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.WorkerJson;
import io.sparktune.worker.data.HadoopFiles;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * What a Spark task runs on an executor: one split of one candidate (its partition's only element), JSON in and JSON
 * out. A plain function class given straight to {@code SparkContext.runJob}, not a lambda: Spark's closure cleaner
 * reads the class file of every lambda it is handed (the one {@code JavaRDD.map} wraps around a function, the ones
 * {@code collect} and the shorter {@code runJob}s make) with ASM, once per job: most of the dispatch thread's CPU
 * (bench/NOTES.md). Before the split it installs the driver's Hadoop configuration, broadcast once per Spark context,
 * in {@link HadoopFiles}, so data and checkpoints are read with the job's {@code spark.hadoop.*} settings and the
 * driver's {@code HADOOP_CONF_DIR}, as Spark's own reads are.
 */
final class SplitFunction extends AbstractFunction2<TaskContext, Iterator<String>, String> implements Serializable {
    private static final long serialVersionUID = 3L;

    private final Broadcast<SerializableWritable<Configuration>> hadoopConfiguration;

    SplitFunction(Broadcast<SerializableWritable<Configuration>> hadoopConfiguration) {
        this.hadoopConfiguration = hadoopConfiguration;
    }

    @Override
    public String apply(TaskContext context, Iterator<String> partition) {
        String taskJson = partition.next();
        if (partition.hasNext()) {
            throw new IllegalStateException("a split task's partition holds more than one split");
        }
        HadoopFiles.use(hadoopConfiguration.value().value());
        SplitResult result = SplitJob.run(WorkerJson.read(taskJson, SplitTask.class));
        return WorkerJson.write(result);
    }
}
