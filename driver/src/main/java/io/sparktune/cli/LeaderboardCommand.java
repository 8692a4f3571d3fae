package io.sparktune.cli;

import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardTable;
import io.sparktune.results.TrialJournal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sparktune leaderboard DIR}: prints the ranked trials of a search as an aligned table. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true, description = "Print a search's leaderboard.")
public final class LeaderboardCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "output directory of a search")
    Path runDir;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "rows to print (default ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws Exception {
        System.out.print(LeaderboardTable.format(Leaderboard.from(TrialJournal.read(runDir)), top));
        return 0;
    }
}
