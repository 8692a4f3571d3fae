package io.sparktune.bench;

import io.sparktune.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The history of benchmark runs: one Markdown file per day, {@code <dir>/<yyyy-mm-dd>.md}, to which each run appends
 * its section. Earlier sections are kept; the file is rewritten atomically so an interrupted run never truncates it.
 */
public final class ResultsFile {
    private ResultsFile() {}

    /** Appends {@code section} to the file of {@code day} in {@code dir}; returns that file. */
    public static Path append(Path dir, LocalDate day, String section) throws IOException {
        Path file = dir.resolve(day + ".md");
        String before = Files.exists(file) ? Files.readString(file) : "# sparktune benchmark results, " + day + "\n";
        String separator = before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
        AtomicFiles.write(file, before + separator + section);
        return file;
    }
}
