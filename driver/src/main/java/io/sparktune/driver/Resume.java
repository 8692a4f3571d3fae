package io.sparktune.driver;

import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.spec.SearchSpec;
import io.sparktune.space.spec.SpecDiff;
import io.sparktune.space.spec.SpecException;
import io.sparktune.space.spec.SpecParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a resumed search starts from: the trials its journal recorded (each once), after checking that the spec is
 * the one the search ran with.
 */
public final class Resume {
    private Resume() {
    }

    /** The finished trials of the search in {@code runDir}; refuses if {@code spec} differs from the one it ran with. */
    public static List<TrialRecord> finishedTrials(Path runDir, SearchSpec spec) throws IOException, SpecException {
        SearchSpec original = SpecParser.parse(RunFiles.spec(runDir));
        List<String> changes = SpecDiff.between(original, spec);
        if (!changes.isEmpty()) {
            throw new IOException("refusing to resume " + runDir + ": the spec changed since the search started: "
                    + String.join("; ", changes));
        }
        Set<Integer> seen = new HashSet<>();
        List<TrialRecord> finished = new ArrayList<>();
        for (TrialRecord trial : TrialJournal.read(runDir)) {
            if (seen.add(trial.trialNumber())) {
                finished.add(trial);
            }
        }
        return finished;
    }
}
