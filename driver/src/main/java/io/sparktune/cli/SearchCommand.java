package io.sparktune.cli;

import io.sparktune.driver.SearchRun;
import io.sparktune.driver.SparkConfs;
import io.sparktune.driver.SparkDispatcher;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.LeaderboardTable;
import io.sparktune.results.RunFiles;
import io.sparktune.space.spec.SearchSpec;
import io.sparktune.space.spec.SpecParser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sparktune search SPEC --out DIR}: runs a search on Spark and writes the ranked leaderboard. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the spec's space on Spark; write DIR/leaderboard.csv and DIR/trials.jsonl.")
public final class SearchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "search spec (YAML or JSON)")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (must not hold a search)")
    Path out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master; default: as spark-submit set it, else " + SparkConfs.DEFAULT_MASTER)
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "extra Spark setting (repeatable)")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "rows of the leaderboard to print (default ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws Exception {
        SearchSpec spec = SpecParser.parse(specFile);
        RunFiles.startNew(out, specFile);
        Leaderboard board;
        try (SparkDispatcher dispatcher = new SparkDispatcher(
                SparkConfs.forSearch("sparktune " + spec.name(), master, sparkConf))) {
            board = new SearchRun(spec, out, dispatcher).run();
        }
        System.out.print(LeaderboardTable.format(board, top));
        System.out.println("leaderboard: " + out.resolve(LeaderboardCsv.FILE_NAME));
        return 0;
    }

    /** Entry point for {@code spark-submit --class io.sparktune.cli.SearchCommand JAR SPEC --out DIR}. */
    public static void main(String[] args) {
        System.exit(Main.execute(new SearchCommand(), args));
    }
}
