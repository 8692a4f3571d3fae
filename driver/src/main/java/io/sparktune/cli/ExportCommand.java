package io.sparktune.cli;

import io.sparktune.results.optuna.OptunaJournalExport;
import io.sparktune.results.optuna.OptunaTrialState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparktune export DIR --optuna FILE [--study-name NAME] [--force]}: writes a search's trials as an Optuna
 * journal file, for Optuna's plots, parameter importances and optuna-dashboard. An existing FILE is refused unless
 * {@code --force}: Optuna itself adds to a journal file, so replacing one silently could lose a user's studies.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write a search's trials for another tool: --optuna FILE writes an Optuna journal file "
                + "(optuna.storages.JournalFileStorage).")
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "DIR", description = "output directory of a search (finished or running)")
    Path runDir;

    @Option(
            names = "--optuna",
            paramLabel = "FILE",
            required = true,
            description = "the Optuna journal file to write: one study, one trial per sparktune trial")
    Path optunaFile;

    @Option(names = "--study-name", paramLabel = "NAME", description = "the study's name (default: the spec's name)")
    String studyName;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Override
    public Integer call() throws Exception {
        OptunaJournalExport.Summary summary = OptunaJournalExport.write(runDir, optunaFile, studyName, force);
        PrintWriter out = commandSpec.commandLine().getOut();
        out.printf(
                "optuna journal: %s (study '%s': %d trials, %d complete, %d pruned, %d failed)%n",
                summary.file(),
                summary.studyName(),
                summary.trials(),
                summary.trials(OptunaTrialState.COMPLETE),
                summary.trials(OptunaTrialState.PRUNED),
                summary.trials(OptunaTrialState.FAIL));
        out.flush();
        return 0;
    }
}
