package io.sparktune.driver;

import io.sparktune.records.SplitResult;
import io.sparktune.records.WorkerJson;
import io.sparktune.worker.SplitJob;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.data.HadoopFiles;
import java.io.Serializable;
import org.apache.spark.TaskContext;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * What a Spark task runs on an executor: one split of one candidate (its partition's only element), JSON in and JSON
 * out. A plain function class given straight to {@code SparkContext.runJob}, not a lambda: Spark's closure cleaner
 * reads the class file of every lambda it is handed (the one {@code JavaRDD.map} wraps around a function, the ones
 * {@code collect} and the shorter {@code runJob}s make) with ASM, once per job: most of the dispatch thread's CPU
 * (bench/NOTES.md). Before the split it installs the job's Hadoop configuration ({@link JobHadoopSettings}, carried
 * by this function) in {@link HadoopFiles}, so data and checkpoints are read with the driver's {@code spark.hadoop.*}
 * settings and its {@code HADOOP_CONF_DIR}, as Spark's own reads are.
 */
final class SplitFunction extends AbstractFunction2<TaskContext, Iterator<String>, String> implements Serializable {
    private static final long serialVersionUID = 4L;

    private final JobHadoopSettings hadoopSettings;

    SplitFunction(JobHadoopSettings hadoopSettings) {
        this.hadoopSettings = hadoopSettings;
    }

    @Override
    public String apply(TaskContext context, Iterator<String> partition) {
        String taskJson = partition.next();
        if (partition.hasNext()) {
            throw new IllegalStateException("a split task's partition holds more than one split");
        }
        HadoopFiles.use(hadoopSettings.configuration());
        SplitResult result = SplitJob.run(WorkerJson.read(taskJson, SplitTask.class));
        return WorkerJson.write(result);
    }
}
