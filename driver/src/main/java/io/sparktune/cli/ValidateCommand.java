package io.sparktune.cli;

import io.sparktune.driver.SparkConfs;
import io.sparktune.space.sampler.Sampler;
import io.sparktune.space.sampler.Samplers;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.data.DataChecks;
import io.sparktune.worker.data.HadoopFiles;
import io.sparktune.worker.data.InvalidDataException;
import io.sparktune.worker.data.LabeledData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparktune validate SPEC}: every check {@code search} makes of the spec and of its training data (and the
 * readers' checks of its test data), without Spark and without training, and how many candidates the search would
 * run; so a spec can be fixed before a cluster is booked for it.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check the spec and its data (no Spark, no training); print the candidates a search would run.")
public final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "search spec (YAML or JSON)")
    Path specFile;

    @Option(
            names = "--conf",
            paramLabel = "KEY=VALUE",
            description = "spark.hadoop.* settings for reading the data, as search takes them (repeatable); "
                    + "other keys are ignored")
    Map<String, String> conf = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        SearchSpec spec = SpecParser.parse(specFile);
        HadoopFiles.use(SparkConfs.hadoopConfiguration(conf));
        DataChecks.Result train = DataChecks.check(spec, false);
        Optional<DataChecks.Result> test = DataChecks.checkTest(spec);
        List<String> problems = new ArrayList<>(train.problems());
        test.ifPresent(result -> problems.addAll(result.problems()));
        if (!problems.isEmpty()) {
            throw new InvalidDataException(problems);
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.println("spec: valid (" + spec.name() + ", " + spec.task().name().toLowerCase() + ")");
        out.println("candidates: " + candidates(spec));
        out.println("data: " + summary(train.data().orElseThrow()));
        test.ifPresent(
                result -> out.println("test data: " + summary(result.data().orElseThrow())));
        out.flush();
        return 0;
    }

    /** The number of candidates, with the grid's size when the sampler has one. */
    static String candidates(SearchSpec spec) {
        Sampler sampler = Samplers.forSpec(spec);
        int count = Samplers.candidateCount(spec, sampler);
        OptionalInt grid = sampler.size();
        if (grid.isEmpty()) {
            return count + " (" + spec.search().sampler().specName() + ", n_iter "
                    + spec.search().nIter() + ")";
        }
        return count + " (grid of " + grid.getAsInt()
                + (spec.search().nIter() < grid.getAsInt()
                        ? ", n_iter " + spec.search().nIter() + ")"
                        : ")");
    }

    private static String summary(LabeledData data) {
        String target = data.isRegression() ? "a numeric target" : data.numClasses() + " classes";
        return data.rows() + " rows, " + data.cols() + " features, " + target;
    }
}
