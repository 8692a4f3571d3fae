package io.sparktune.cli;

import io.sparktune.driver.Budget;
import io.sparktune.driver.CheckpointDir;
import io.sparktune.driver.ProgressLog;
import io.sparktune.driver.Resume;
import io.sparktune.driver.SearchRun;
import io.sparktune.driver.SparkDispatcher;
import io.sparktune.driver.StopRequest;
import io.sparktune.results.EpochLimitNote;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.LeaderboardTable;
import io.sparktune.results.RunFiles;
import io.sparktune.results.report.HtmlReport;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.spec.SearchSpec;
import io.sparktune.space.spec.SpecParser;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code sparktune search SPEC --out DIR}: runs a search on Spark and writes the ranked leaderboard. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the spec's space on Spark; write DIR/leaderboard.csv and DIR/trials.jsonl.")
public final class SearchCommand implements Callable<Integer> {
    /** Exit status of a search stopped with Ctrl-C (128 + SIGINT, as shells report it). */
    static final int INTERRUPTED = 130;
    private static final String CTRL_C = "interrupted";

    @Parameters(index = "0", paramLabel = "SPEC", description = "search spec (YAML or JSON)")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (must not hold a search unless --resume)")
    Path out;

    @Option(names = "--resume", description = "continue the search in DIR: finished trials are kept, the rest run")
    boolean resume;

    @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "where asha/median keep checkpoints, on any "
            + "Hadoop filesystem (default: search.checkpoint_dir, else DIR/checkpoints); shared by all executors")
    String checkpointDir;

    @Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "rows of the leaderboard to print (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        SearchSpec spec = SpecParser.parse(specFile);
        SparkConf sparkConf = spark.sparkConf("sparktune " + spec.name());
        List<TrialRecord> finished = List.of();
        if (resume) {
            finished = Resume.journal(out, spec);
        }
        String checkpoints = CheckpointDir.requested(checkpointDir, spec, out);
        if (CheckpointDir.usedBy(spec)) {
            CheckpointDir.refusal(sparkConf.get("spark.master"), checkpoints).ifPresent(problem -> {
                throw new CommandLine.ParameterException(command.commandLine(), problem);
            });
        }
        if (!resume) {
            RunFiles.startNew(out, specFile);
        }
        StopRequest stop = new StopRequest();
        SearchRun.Outcome outcome;
        try (SparkDispatcher dispatcher = new SparkDispatcher(sparkConf)) {
            if (CheckpointDir.usedBy(spec)) {
                checkpoints = CheckpointDir.settle(checkpoints, out);
            }
            Signal.handle(new Signal("INT"), signal -> {
                if (stop.request(CTRL_C)) {
                    System.err.println("\nsparktune: stopping (Ctrl-C again to exit at once); finished trials are kept");
                    dispatcher.cancelAll();
                } else {
                    Runtime.getRuntime().halt(INTERRUPTED);
                }
            });
            outcome = new SearchRun(spec, out, dispatcher, SearchRun.schedulerFor(spec), budget(spec), stop,
                    ProgressLog.forConsole(quiet), CheckpointDir.usedBy(spec) ? checkpoints : null).run(finished);
        }
        System.out.print(LeaderboardTable.format(outcome.leaderboard(), top));
        EpochLimitNote.forBest(outcome.leaderboard(), spec.training()).ifPresent(System.out::println);
        System.out.println("leaderboard: " + out.resolve(LeaderboardCsv.FILE_NAME));
        System.out.println("report: " + HtmlReport.write(out));
        if (outcome.stopReason() != null) {
            System.out.printf("stopped early (%s): %d of %d trials done%s%n", outcome.stopReason(),
                    outcome.leaderboard().rows().size(), outcome.plannedTrials(),
                    outcome.leaderboard().rows().size() < outcome.plannedTrials() ? "; continue with --resume" : "");
        }
        return CTRL_C.equals(outcome.stopReason()) ? INTERRUPTED : 0;
    }

    private static Budget budget(SearchSpec spec) {
        return new Budget(spec.search().nIter(), spec.search().budget().maxSeconds(), spec.search().budget().targetScore());
    }

    /** Entry point for {@code spark-submit --class io.sparktune.cli.SearchCommand JAR SPEC --out DIR}. */
    public static void main(String[] args) {
        System.exit(Main.execute(new SearchCommand(), args));
    }
}
