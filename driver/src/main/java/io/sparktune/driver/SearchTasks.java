package io.sparktune.driver;

import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.worker.SplitPlan;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.data.DataChecks;
import io.sparktune.worker.data.DataRef;
import java.util.ArrayList;
import java.util.List;

/** Turns a spec and a candidate into the split tasks the executors run. */
final class SearchTasks {
    private SearchTasks() {}

    static SplitPlan splitPlan(SearchSpec spec) {
        return new SplitPlan(
                spec.search().cv(),
                spec.search().validationSplit(),
                spec.search().seed());
    }

    static List<SplitTask> splitsOf(SearchSpec spec, Candidate candidate) {
        SplitPlan plan = splitPlan(spec);
        DataRef train = DataChecks.trainingData(spec);
        List<SplitTask> tasks = new ArrayList<>();
        for (int split = 0; split < plan.count(); split++) {
            tasks.add(new SplitTask(
                    candidate,
                    spec.task(),
                    train,
                    spec.training(),
                    spec.search().scoring(),
                    plan,
                    split));
        }
        return tasks;
    }
}
