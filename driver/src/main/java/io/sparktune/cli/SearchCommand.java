package io.sparktune.cli;

import io.sparktune.driver.Budget;
import io.sparktune.driver.CheckpointDir;
import io.sparktune.driver.LiveSearchPage;
import io.sparktune.driver.ProgressLog;
import io.sparktune.driver.Resume;
import io.sparktune.driver.Schedulers;
import io.sparktune.driver.SearchRun;
import io.sparktune.driver.SparkDispatcher;
import io.sparktune.driver.StopRequest;
import io.sparktune.results.AllTrialsFailed;
import io.sparktune.results.EpochLimitNote;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.LeaderboardTable;
import io.sparktune.results.RunFiles;
import io.sparktune.results.RunLock;
import io.sparktune.results.TrialRecord;
import io.sparktune.results.report.HtmlReport;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.data.DataChecks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code sparktune search SPEC --out DIR}: runs a search on Spark and writes the ranked leaderboard. The directory is
 * locked while the search runs ({@link RunLock}). Exit status: 0 when the search ran (or its budget stopped it), 1 on
 * a failure or when every trial failed (as scikit-learn's "All fits failed"), 2 for an invalid spec,
 * {@value #SPARK_STOPPED} when Spark stopped the application under the search (e.g. the master killed it) and
 * {@value #INTERRUPTED} after Ctrl-C; after the last two, {@code --resume} continues.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Search the spec's space on Spark; write DIR/leaderboard.csv and DIR/trials.jsonl.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {
            "  0:the search ran (or its budget stopped it)",
            "  1:a failure (e.g. DIR in use by another search), or every trial failed",
            "  2:invalid spec or options",
            "  3:Spark stopped the application under the search (e.g. the master killed it); --resume continues",
            "130:interrupted (Ctrl-C); --resume continues"
        })
public final class SearchCommand implements Callable<Integer> {
    /** Exit status of a search stopped with Ctrl-C (128 + SIGINT, as shells report it). */
    static final int INTERRUPTED = 130;
    /** Exit status of a search whose Spark application was stopped under it (killed by the master, lost cluster). */
    static final int SPARK_STOPPED = 3;

    private static final String CTRL_C = "interrupted";

    @Spec
    CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "search spec (YAML or JSON)")
    Path specFile;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "output directory (must not hold a search unless --resume)")
    Path out;

    @Option(names = "--resume", description = "continue the search in DIR: finished trials are kept, the rest run")
    boolean resume;

    @Option(
            names = "--checkpoint-dir",
            paramLabel = "URI",
            description = "where asha/median keep checkpoints, on any "
                    + "Hadoop filesystem (default: search.checkpoint_dir, else DIR/checkpoints); "
                    + "shared by all executors")
    String checkpointDir;

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "10",
            description = "rows of the leaderboard to print (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(
            names = "--ui",
            arity = "0..1",
            paramLabel = "PORT",
            fallbackValue = "" + LiveSearchPage.DEFAULT_PORT,
            description = "serve a live page of the search on http://127.0.0.1:PORT/ (default "
                    + LiveSearchPage.DEFAULT_PORT + ", or the next free port; 0: any free port)")
    Integer uiPort;

    @Override
    public Integer call() throws Exception {
        if (uiPort != null && (uiPort < 0 || uiPort > 65535)) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "--ui: no port " + uiPort);
        }
        SearchSpec spec = SpecParser.parse(specFile);
        SparkConf sparkConf = spark.sparkConf("sparktune " + spec.name());
        String checkpoints = CheckpointDir.requested(checkpointDir, spec, out);
        if (CheckpointDir.usedBy(spec)) {
            CheckpointDir.refusal(sparkConf.get("spark.master"), checkpoints).ifPresent(problem -> {
                throw new CommandLine.ParameterException(commandSpec.commandLine(), problem);
            });
        }
        if (resume) {
            RunFiles.spec(out); // refuses a directory without a search before the lock creates anything in it
        }
        try (RunLock lock = RunLock.acquire(out)) {
            return search(spec, sparkConf, checkpoints);
        }
    }

    private int search(SearchSpec spec, SparkConf sparkConf, String checkpoints) throws Exception {
        List<TrialRecord> finished = List.of();
        if (resume) {
            finished = Resume.journal(out, spec);
        } else {
            RunFiles.startNew(out, specFile);
        }
        ProgressLog progress = ProgressLog.forConsole(quiet);
        try (LiveSearchPage page = uiPort == null ? null : LiveSearchPage.start(out, progress, uiPort)) {
            return search(spec, sparkConf, checkpoints, finished, progress, page);
        }
    }

    private int search(
            SearchSpec spec,
            SparkConf sparkConf,
            String checkpoints,
            List<TrialRecord> finished,
            ProgressLog progress,
            LiveSearchPage page)
            throws Exception {
        StopRequest stop = new StopRequest();
        SearchRun.Outcome outcome;
        try (SparkDispatcher dispatcher = new SparkDispatcher(sparkConf)) {
            if (page != null) {
                System.err.println("sparktune: live search page " + page.url() + "  (Spark UI "
                        + dispatcher.uiUrl().orElse("off") + ")");
            }
            DataChecks.requireValid(spec, dispatcher.runsTasksInThisJvm());
            if (CheckpointDir.usedBy(spec)) {
                checkpoints = CheckpointDir.settle(checkpoints, out);
            }
            Signal.handle(new Signal("INT"), signal -> {
                if (stop.request(CTRL_C)) {
                    System.err.println(
                            "\nsparktune: stopping (Ctrl-C again to exit at once); finished trials are kept");
                    dispatcher.cancelAll();
                } else {
                    Runtime.getRuntime().halt(INTERRUPTED);
                }
            });
            outcome = new SearchRun(
                            spec,
                            out,
                            dispatcher,
                            Schedulers.forSpec(spec),
                            budget(spec),
                            stop,
                            progress,
                            CheckpointDir.usedBy(spec) ? checkpoints : null)
                    .run(finished);
        }
        System.out.print(LeaderboardTable.format(outcome.leaderboard(), top));
        EpochLimitNote.forBest(outcome.leaderboard(), spec.training()).ifPresent(System.out::println);
        System.out.println("leaderboard: " + out.resolve(LeaderboardCsv.FILE_NAME));
        System.out.println("report: " + HtmlReport.write(out));
        int done = outcome.leaderboard().rows().size();
        boolean moreToRun = done < outcome.plannedTrials() && outcome.ending() != SearchRun.Ending.TARGET_REACHED;
        PrintWriter err = commandSpec.commandLine().getErr();
        if (outcome.ending() == SearchRun.Ending.DISPATCHER_STOPPED) {
            err.printf(
                    "sparktune: Spark stopped the application (%s); %d of %d trials done%s%n",
                    outcome.stopReason(), done, outcome.plannedTrials(), moreToRun ? ", continue with --resume" : "");
            err.flush();
            return SPARK_STOPPED;
        }
        if (outcome.stopReason() != null) {
            System.out.printf(
                    "stopped early (%s): %d of %d trials done%s%n",
                    outcome.stopReason(), done, outcome.plannedTrials(), moreToRun ? "; continue with --resume" : "");
        }
        if (CTRL_C.equals(outcome.stopReason())) {
            return INTERRUPTED;
        }
        Optional<String> allFailed = AllTrialsFailed.check(outcome.leaderboard());
        allFailed.ifPresent(line -> err.println("sparktune: " + line));
        err.flush();
        return allFailed.isPresent() ? CliErrors.FAILED : 0;
    }

    private static Budget budget(SearchSpec spec) {
        return new Budget(
                spec.search().nIter(),
                spec.search().budget().maxSeconds(),
                spec.search().budget().targetScore());
    }

    /** Entry point for {@code spark-submit --class io.sparktune.cli.SearchCommand JAR SPEC --out DIR}. */
    public static void main(String[] args) {
        System.exit(Main.execute(new SearchCommand(), args));
    }
}
