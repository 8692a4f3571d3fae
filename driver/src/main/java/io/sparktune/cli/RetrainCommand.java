package io.sparktune.cli;

import io.sparktune.driver.SparkConfs;
import io.sparktune.refit.Retrainer;
import io.sparktune.refit.SparkRefit;
import io.sparktune.worker.data.HadoopFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparktune retrain DIR --rank N --model FILE [--spark]}: refits one leaderboard row, in this process or on
 * Spark, and saves the model.
 */
@Command(
        name = "retrain",
        mixinStandardHelpOptions = true,
        description =
                "Re-train a leaderboard row on the whole training file, report the test score, save a DL4J model zip.")
public final class RetrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "output directory of a search")
    Path runDir;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--rank", paramLabel = "N", description = "leaderboard rank (default 1, the best)")
        Integer rank;

        @Option(names = "--trial", paramLabel = "ID", description = "trial id, e.g. trial-0003")
        String trialId;
    }

    @Option(
            names = "--model",
            paramLabel = "FILE",
            defaultValue = "model.zip",
            description = "where to save the model (default ${DEFAULT-VALUE})")
    Path model;

    @Option(
            names = "--epochs",
            paramLabel = "E",
            description = "epochs to train (default: the trial's mean best "
                    + "epoch, from its early stopping in the search); with --hold-out the most epochs "
                    + "(default: the spec's "
                    + "training.max_epochs)")
    Integer epochs;

    @Option(
            names = "--hold-out",
            description = "hold out a stratified 10%% of the training examples and early-stop on "
                    + "them (patience, best weights restored), instead of training on all of them for the "
                    + "trial's epochs")
    boolean holdOut;

    @Option(
            names = "--average-epochs",
            paramLabel = "K",
            description = "end with the mean of the weights at the "
                    + "ends of the last K epochs (default: the last quarter of the epochs; 1: the last weights); "
                    + "not with "
                    + "--hold-out, which restores the best epoch's weights")
    Integer averagedEpochs;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "use only the first N training examples (default: all of the training file)")
    int limit;

    @Option(
            names = "--spark",
            description = "train on Spark (dl4j-spark parameter averaging, one worker per core) "
                    + "instead of in this process; with --master and --conf")
    boolean onSpark;

    @Option(
            names = "--averaging-frequency",
            paramLabel = "K",
            description = "with --spark: minibatches each worker fits between two averagings (default "
                    + SparkRefit.AVERAGING_FREQUENCY + ")")
    Integer averagingFrequency;

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        boolean sparkOnly = spark.master != null
                || averagingFrequency != null
                || spark.conf.keySet().stream().anyMatch(key -> !key.startsWith("spark.hadoop."));
        if (sparkOnly && !onSpark) {
            throw new ParameterException(
                    commandSpec.commandLine(),
                    "--master, --averaging-frequency and --conf other than spark.hadoop.* apply only with --spark");
        }
        if (averagingFrequency != null && averagingFrequency < 1) {
            throw new ParameterException(
                    commandSpec.commandLine(), "--averaging-frequency must be at least 1, got " + averagingFrequency);
        }
        // the data is read here first (hold-out split, standardizer), before any Spark context: with the job's settings
        HadoopFiles.use(SparkConfs.hadoopConfiguration(spark.conf));
        Retrainer.Selection selection = new Retrainer.Selection(
                which.trialId == null && which.rank == null ? Integer.valueOf(1) : which.rank, which.trialId);
        if (epochs != null && epochs < 1) {
            throw new ParameterException(commandSpec.commandLine(), "--epochs must be at least 1, got " + epochs);
        }
        if (averagedEpochs != null && (holdOut || averagedEpochs < 1)) {
            throw new ParameterException(
                    commandSpec.commandLine(),
                    holdOut
                            ? "--average-epochs applies only without --hold-out"
                            : "--average-epochs must be at least 1, got " + averagedEpochs);
        }
        Retrainer.Schedule schedule =
                holdOut ? Retrainer.Schedule.holdOut(epochs) : Retrainer.Schedule.wholeSet(epochs, averagedEpochs);
        Retrainer.Outcome outcome;
        Map<String, Object> trainedWith = Map.of();
        if (onSpark) {
            try (SparkRefit refit = new SparkRefit(
                    spark.sparkConf("sparktune retrain " + runDir.getFileName()),
                    averagingFrequency == null ? SparkRefit.AVERAGING_FREQUENCY : averagingFrequency)) {
                outcome = Retrainer.retrain(runDir, selection, model, schedule, limit, refit);
                trainedWith = refit.settings();
            }
        } else {
            outcome = Retrainer.retrain(runDir, selection, model, schedule, limit);
        }
        System.out.printf(
                Locale.ROOT,
                "%s %s%n",
                outcome.candidate().trialId(),
                outcome.candidate().params());
        if (holdOut) {
            System.out.printf(
                    Locale.ROOT,
                    "trained on %d examples (%d held out for early stopping): %d epochs, best "
                            + "epoch %d, validation %s %.4f, %.1f s%n",
                    outcome.trainExamples(),
                    outcome.heldOutExamples(),
                    outcome.training().epochsRun(),
                    outcome.training().bestEpoch(),
                    outcome.scoring().specName(),
                    outcome.training().bestScore(),
                    outcome.training().fitSeconds());
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "trained on all %d examples for %d epochs (%s), weights averaged over the " + "last %d, %.1f s%n",
                    outcome.trainExamples(),
                    outcome.training().epochsRun(),
                    epochs == null ? "the trial's mean best epoch" : "--epochs",
                    outcome.averagedEpochs(),
                    outcome.training().fitSeconds());
        }
        if (onSpark) {
            System.out.printf(
                    Locale.ROOT,
                    "on Spark %s: parameter averaging of %s workers, minibatches of %s, "
                            + "averaged every %s minibatches%n",
                    trainedWith.get("master"),
                    trainedWith.get("workers"),
                    trainedWith.get("batch_size_per_worker"),
                    trainedWith.get("averaging_frequency"));
        }
        if (outcome.testExamples() > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "test %s %.4f on %d examples %s%n",
                    outcome.scoring().specName(),
                    outcome.testScore(),
                    outcome.testExamples(),
                    outcome.testMetrics());
        } else {
            System.out.println("no data.test in the spec: no test score");
        }
        System.out.println("model: " + outcome.model() + " (description: " + outcome.description() + ")");
        return 0;
    }
}
