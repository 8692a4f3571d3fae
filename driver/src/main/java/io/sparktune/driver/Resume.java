package io.sparktune.driver;

import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecDiff;
import io.sparktune.space.searchspec.SpecException;
import io.sparktune.space.searchspec.SpecParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a resumed search starts from: the trials its journal recorded, after checking that the spec is the one the
 * search ran with.
 */
public final class Resume {
    private Resume() {}

    /**
     * The journal of the search in {@code runDir}, in order (a trial trained rung by rung appears once per rung);
     * refuses if {@code spec} differs from the one it ran with.
     */
    public static List<TrialRecord> journal(Path runDir, SearchSpec spec) throws IOException, SpecException {
        SearchSpec original = SpecParser.parse(RunFiles.spec(runDir));
        List<String> changes = SpecDiff.between(original, spec);
        if (!changes.isEmpty()) {
            throw new IOException("refusing to resume " + runDir + ": the spec changed since the search started: "
                    + String.join("; ", changes));
        }
        return TrialJournal.read(runDir);
    }
}
