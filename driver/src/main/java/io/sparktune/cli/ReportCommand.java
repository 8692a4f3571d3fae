package io.sparktune.cli;

import io.sparktune.results.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sparktune report DIR}: writes {@code DIR/report.html}, a self-contained page about the search. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write DIR/report.html: leaderboard, learning curves, score vs each hyperparameter, the spec.")
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "DIR", description = "output directory of a search (finished or running)")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        Path report = HtmlReport.write(runDir);
        PrintWriter out = commandSpec.commandLine().getOut();
        out.println("report: " + report);
        out.flush();
        return 0;
    }
}
