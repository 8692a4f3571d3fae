package io.sparktune.cli;

import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardCells;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.LeaderboardJson;
import io.sparktune.results.LeaderboardTable;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparktune leaderboard DIR [--top N] [--sort COL] [--format table|csv|json]}: prints the ranked trials of a
 * search (finished or running) from its journal, as an aligned table or as the CSV / JSON of the leaderboard files.
 */
@Command(name = "leaderboard", mixinStandardHelpOptions = true, description = "Print a search's leaderboard.")
public final class LeaderboardCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        TABLE,
        CSV,
        JSON
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "DIR", description = "output directory of a search")
    Path runDir;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "20",
            description = "rows to print (default ${DEFAULT-VALUE})")
    int top;

    @Option(
            names = "--sort",
            paramLabel = "COL",
            description = "order by this leaderboard column, e.g. mean_fit_time or param_learning_rate; ascending, or "
                    + "descending with a leading '-' (--sort=-mean_epochs). Default: rank_test_score")
    String sort;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            converter = FormatConverter.class,
            description = "table, csv or json (default ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() throws Exception {
        RunFiles.journal(runDir); // fails for a directory without a search or without a finished trial
        LeaderboardCells table = LeaderboardCells.of(Leaderboard.from(TrialJournal.read(runDir)));
        if (sort != null) {
            boolean descending = sort.startsWith("-");
            table = table.sortedBy(descending ? sort.substring(1) : sort, descending);
        }
        table = table.top(top);
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(
                switch (format) {
                    case TABLE -> LeaderboardTable.format(table);
                    case CSV -> LeaderboardCsv.format(table);
                    case JSON -> LeaderboardJson.format(table);
                });
        out.flush();
        return 0;
    }

    /** Reads {@code table}, {@code csv} or {@code json} in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected table, csv or json, got '" + value + "'");
            }
        }
    }
}
