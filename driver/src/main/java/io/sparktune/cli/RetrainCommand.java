package io.sparktune.cli;

import io.sparktune.results.Retrainer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sparktune retrain DIR --rank N --model FILE}: refits one leaderboard row locally and saves the model. */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Re-train a leaderboard row on the whole training file, report the test score, save a DL4J model zip.")
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

    @Option(names = "--model", paramLabel = "FILE", defaultValue = "model.zip", description = "where to save the model (default ${DEFAULT-VALUE})")
    Path model;

    @Option(names = "--epochs", paramLabel = "E", description = "maximum epochs (default: the spec's training.max_epochs)")
    Integer epochs;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "use only the first N training examples (default: all of the training file)")
    int limit;

    @Override
    public Integer call() throws Exception {
        Retrainer.Selection selection = new Retrainer.Selection(
                which.trialId == null && which.rank == null ? Integer.valueOf(1) : which.rank, which.trialId);
        Retrainer.Outcome outcome = Retrainer.retrain(runDir, selection, model, epochs, limit);
        System.out.printf(Locale.ROOT, "%s %s%n", outcome.candidate().trialId(), outcome.candidate().params());
        System.out.printf(Locale.ROOT, "trained on %d examples (%d held out for early stopping): %d epochs, best epoch %d, "
                        + "validation %s %.4f, %.1f s%n", outcome.trainExamples(), outcome.heldOutExamples(),
                outcome.training().epochsRun(), outcome.training().bestEpoch(), outcome.scoring().specName(),
                outcome.training().bestScore(), outcome.training().fitSeconds());
        if (outcome.testExamples() > 0) {
            System.out.printf(Locale.ROOT, "test %s %.4f on %d examples %s%n", outcome.scoring().specName(),
                    outcome.testScore(), outcome.testExamples(), outcome.testMetrics());
        } else {
            System.out.println("no data.test in the spec: no test score");
        }
        System.out.println("model: " + outcome.model() + " (description: " + outcome.description() + ")");
        return 0;
    }
}
