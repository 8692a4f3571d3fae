package io.sparktune.driver;

import io.sparktune.worker.SplitJob;
import io.sparktune.worker.SplitResult;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.WorkerJson;
import org.apache.spark.api.java.function.Function;

/** What a Spark task runs on an executor: one split of one candidate, JSON in and JSON out. */
final class SplitFunction implements Function<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(String taskJson) {
        SplitResult result = SplitJob.run(WorkerJson.read(taskJson, SplitTask.class));
        return WorkerJson.write(result);
    }
}
