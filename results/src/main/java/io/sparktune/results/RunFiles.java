package io.sparktune.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The files of a search's output directory: a copy of the spec ({@code spec.yaml} or {@code spec.json}), the
 * journal {@link TrialJournal#FILE_NAME} and the ranked {@link LeaderboardCsv#FILE_NAME}.
 */
public final class RunFiles {
    private static final List<String> SPEC_NAMES = List.of("spec.yaml", "spec.json");

    private RunFiles() {
    }

    /** Creates {@code runDir} for a new search and copies the spec into it; refuses a directory holding a search. */
    public static void startNew(Path runDir, Path specFile) throws IOException {
        if (Files.exists(runDir.resolve(TrialJournal.FILE_NAME)) || Files.exists(runDir.resolve(LeaderboardCsv.FILE_NAME))) {
            throw new IOException(runDir + " already holds a search; choose another --out directory");
        }
        Files.createDirectories(runDir);
        String name = specFile.getFileName().toString().endsWith(".json") ? "spec.json" : "spec.yaml";
        Files.copy(specFile, runDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The copy of the spec a search in {@code runDir} ran with. */
    public static Path spec(Path runDir) throws IOException {
        for (String name : SPEC_NAMES) {
            if (Files.isRegularFile(runDir.resolve(name))) {
                return runDir.resolve(name);
            }
        }
        throw new IOException(runDir + " holds no search (no " + String.join(" or ", SPEC_NAMES) + ")");
    }
}
