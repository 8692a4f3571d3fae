package io.sparktune.cli;

import io.sparktune.driver.SparkConfs;
import io.sparktune.refit.ModelEvaluator;
import io.sparktune.worker.data.HadoopFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sparktune evaluate --model FILE --data SPEC|DIR|IMAGES}: scores a saved model on test data. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Score a saved model (from retrain) on test data; print every metric of the task.")
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "DL4J model zip written by retrain")
    Path model;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "SPEC|DIR|IMAGES",
            description = "a spec or a search's output directory (its data.test), or an IDX images file")
    String data;

    @Option(
            names = "--labels",
            paramLabel = "FILE",
            description = "IDX labels of the --data images (default: the sibling *labels-idx1* file)")
    String labels;

    @Option(
            names = "--conf",
            paramLabel = "KEY=VALUE",
            description = "spark.hadoop.* settings for reading the data, as search takes them (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        HadoopFiles.use(SparkConfs.hadoopConfiguration(conf));
        ModelEvaluator.Score score = ModelEvaluator.evaluate(model, ModelEvaluator.resolve(data, labels));
        PrintWriter out = commandSpec.commandLine().getOut();
        String source = score.data().images() != null
                ? score.data().images()
                : score.data().path();
        out.printf(Locale.ROOT, "%s on %d examples of %s%n", model, score.examples(), source);
        score.metrics().forEach((metric, value) -> out.printf(Locale.ROOT, "  %-24s %.4f%n", metric, value));
        out.flush();
        return 0;
    }
}
