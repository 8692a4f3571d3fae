package io.sparktune.results;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a run directory's leaderboard files, {@link LeaderboardCsv#FILE_NAME} and {@link LeaderboardJson#FILE_NAME},
 * each atomically (temporary file, fsync, rename): a reader, even during a search or after a crash, always sees a
 * complete file, the previous one or the new one.
 */
public final class LeaderboardFiles {
    private LeaderboardFiles() {}

    public static void write(Leaderboard board, Path runDir) throws IOException {
        LeaderboardCells table = LeaderboardCells.of(board);
        AtomicFiles.write(runDir.resolve(LeaderboardCsv.FILE_NAME), LeaderboardCsv.format(table));
        AtomicFiles.write(runDir.resolve(LeaderboardJson.FILE_NAME), LeaderboardJson.format(table));
    }
}
