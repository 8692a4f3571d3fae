package io.sparktune.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The files of a search's output directory: a copy of the spec ({@code spec.yaml} or {@code spec.json}), the
 * journal {@link TrialJournal#FILE_NAME}, the ranked {@link LeaderboardCsv#FILE_NAME} and, for a search that
 * checkpoints, the qualified URI of its checkpoint directory ({@link #CHECKPOINT_DIR_FILE}), so a resume uses it.
 */
public final class RunFiles {
    /** One line: the fully qualified URI of the search's checkpoint directory. */
    public static final String CHECKPOINT_DIR_FILE = "checkpoint-dir.txt";

    private static final List<String> SPEC_NAMES = List.of("spec.yaml", "spec.json");

    private RunFiles() {}

    /** Creates {@code runDir} for a new search and copies the spec into it; refuses a directory holding a search. */
    public static void startNew(Path runDir, Path specFile) throws IOException {
        if (Files.exists(runDir.resolve(TrialJournal.FILE_NAME))
                || Files.exists(runDir.resolve(LeaderboardCsv.FILE_NAME))) {
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

    /**
     * The journal of the search in {@code runDir}, checked to exist: an {@link IOException} naming the problem when
     * {@code runDir} holds no search ({@link #spec}) or no trial has finished yet.
     */
    public static Path journal(Path runDir) throws IOException {
        spec(runDir);
        Path journal = runDir.resolve(TrialJournal.FILE_NAME);
        if (!Files.exists(journal)) {
            throw new java.nio.file.NoSuchFileException(journal + " (no trial has finished yet)");
        }
        return journal;
    }

    /** Records where the search in {@code runDir} keeps its checkpoints (a qualified URI). */
    public static void recordCheckpointDir(Path runDir, String uri) throws IOException {
        Files.writeString(runDir.resolve(CHECKPOINT_DIR_FILE), uri + "\n", StandardCharsets.UTF_8);
    }

    /** The checkpoint directory the search in {@code runDir} recorded, if any. */
    public static Optional<String> checkpointDir(Path runDir) throws IOException {
        Path file = runDir.resolve(CHECKPOINT_DIR_FILE);
        return Files.isRegularFile(file)
                ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                : Optional.empty();
    }
}
