package io.sparktune.cli;

import io.sparktune.results.RunFiles;
import io.sparktune.results.importance.FanovaImportance;
import io.sparktune.results.importance.ImportanceTable;
import io.sparktune.results.importance.Importances;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparktune importance DIR [--trees N] [--seed S]}: each hyperparameter's share of the variance of the score
 * over a search's scored trials (finished or running search), by fANOVA over a random forest as Optuna's
 * {@code FanovaImportanceEvaluator} computes it ({@link FanovaImportance}). With fewer than 2 scored trials there is
 * nothing to compute: one line and exit 1.
 */
@Command(
        name = "importance",
        mixinStandardHelpOptions = true,
        description = "Print each hyperparameter's share of the score's variance (fANOVA over a random forest).")
public final class ImportanceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "DIR", description = "output directory of a search (finished or running)")
    Path runDir;

    @Option(
            names = "--trees",
            paramLabel = "N",
            defaultValue = "" + FanovaImportance.TREES,
            description = "trees in the random forest (default ${DEFAULT-VALUE}, as Optuna)")
    int trees;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "" + FanovaImportance.SEED,
            description = "seed of the forest's bootstrap samples (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        RunFiles.journal(runDir); // fails for a directory without a search or without a finished trial
        Importances importances = FanovaImportance.forRun(runDir, trees, seed);
        if (!importances.computed()) {
            PrintWriter err = commandSpec.commandLine().getErr();
            err.println("sparktune: " + runDir + ": " + String.join(" ", importances.notes()));
            err.flush();
            return CliErrors.FAILED;
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(ImportanceTable.format(importances));
        out.flush();
        return 0;
    }
}
