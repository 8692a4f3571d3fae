package io.sparktune.results.optuna;

import io.sparktune.records.SplitResult;
import io.sparktune.results.AtomicFiles;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardCells;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.SpaceLayout;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecException;
import io.sparktune.space.searchspec.SpecParser;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Writes the search in a run directory as an Optuna journal file, which Optuna (3.1 on) loads with
 * {@code optuna.load_study(study_name=None, storage=JournalStorage(JournalFileStorage(FILE)))} for its plots,
 * parameter importances and optuna-dashboard. One study, maximizing: sparktune's scorings are all higher-is-better
 * (errors negated, as scikit-learn's {@code neg_mean_squared_error}), so values are the leaderboard's
 * {@code mean_test_score} as they are. One Optuna trial per sparktune trial, in trial-number order, with
 * <ul>
 *   <li>each hyperparameter the trial holds (conditional ones only where they apply) with its spec distribution
 *       ({@link OptunaDistributions}); {@code neurons_per_layer} as one integer per layer,
 *       {@code neurons_per_layer[0]}, {@code neurons_per_layer[1]}, … as the samplers lay the space out;</li>
 *   <li>its state ({@link OptunaTrialState}) and, unless it failed, its value, the mean validation score;</li>
 *   <li>its learning curve as intermediate values: step {@code e} is the validation score after epoch {@code e}
 *       (from 1) averaged over the splits ({@link TrialRecord#meanValidationCurve}), non-finite scores left out;</li>
 *   <li>its other leaderboard cells as user attributes, by column name: {@code rank_test_score},
 *       {@code split0_test_score}…, {@code mean_fit_time}, {@code trial_id}, {@code trial_seed}, {@code status}…</li>
 * </ul>
 * Optuna requires a start and an end time for every finished trial, which the journal does not record: each trial
 * ends when the journal was last written and starts its total fit time (all splits) earlier, so a trial's duration is
 * its training time, while Optuna's timeline does not show when trials really ran.
 */
public final class OptunaJournalExport {

    /** What an export wrote: the study's name and how many trials of each state. */
    public record Summary(Path file, String studyName, Map<OptunaTrialState, Integer> trialsByState) {
        public Summary {
            trialsByState = Map.copyOf(trialsByState);
        }

        public int trials(OptunaTrialState state) {
            return trialsByState.getOrDefault(state, 0);
        }

        public int trials() {
            return trialsByState.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private OptunaJournalExport() {}

    /** Writes the search in {@code runDir} to {@code file} as a study named as the spec is, replacing the file. */
    public static Summary write(Path runDir, Path file) throws IOException, SpecException {
        return write(runDir, file, null, true);
    }

    /**
     * Writes the search in {@code runDir} to {@code file} (atomically) as the study {@code studyName} (null: the
     * spec's name). An existing {@code file} is refused unless {@code replace}: Optuna adds to a journal file, so
     * a user who names an existing one may expect the study to be added rather than the file to be replaced.
     */
    public static Summary write(Path runDir, Path file, String studyName, boolean replace)
            throws IOException, SpecException {
        if (!Files.isDirectory(runDir)) {
            throw new NoSuchFileException(
                    runDir.toString(), null, Files.exists(runDir) ? "not a directory" : "no such directory");
        }
        Path journalFile = RunFiles.journal(runDir);
        SearchSpec spec = SpecParser.parse(RunFiles.spec(runDir));
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory");
        }
        if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(
                    file.toString(),
                    null,
                    "exists; Optuna adds studies to a journal "
                            + "file, so it is not replaced: choose a new file, or --force to replace it");
        }
        String name = studyName != null ? studyName : spec.name();
        LocalDateTime end =
                LocalDateTime.ofInstant(Files.getLastModifiedTime(journalFile).toInstant(), ZoneId.systemDefault());
        OptunaJournal journal = new OptunaJournal(name);
        journal.studyUserAttr("scoring", spec.search().scoring().specName());
        journal.studyUserAttr("sampler", spec.search().sampler().specName());
        journal.studyUserAttr("scheduler", spec.search().scheduler().specName());
        Leaderboard board = Leaderboard.from(TrialJournal.read(runDir));
        Map<OptunaTrialState, Integer> states = addTrials(journal, spec, board, end);
        try {
            AtomicFiles.write(file, journal.text());
        } catch (FileSystemException e) {
            throw new IOException("cannot write " + file + ": " + reason(e), e);
        }
        return new Summary(file, name, states);
    }

    /** Adds the board's trials in trial-number order; returns how many of each state. */
    private static Map<OptunaTrialState, Integer> addTrials(
            OptunaJournal journal, SearchSpec spec, Leaderboard board, LocalDateTime end) {
        LeaderboardCells cells = LeaderboardCells.of(board);
        SpaceLayout layout = SpaceLayout.of(spec.space());
        Map<OptunaTrialState, Integer> states = new EnumMap<>(OptunaTrialState.class);
        List<Integer> byNumber = IntStream.range(0, board.rows().size())
                .boxed()
                .sorted(Comparator.comparingInt(i -> board.rows().get(i).trial().trialNumber()))
                .toList();
        for (int row : byNumber) {
            TrialRecord trial = board.rows().get(row).trial();
            OptunaTrialState state = OptunaTrialState.of(trial, spec);
            int id = journal.createTrial(end.minus(fitTime(trial)));
            addParams(journal, id, layout, trial);
            double[] curve = trial.meanValidationCurve();
            for (int epoch = 1; epoch <= curve.length; epoch++) {
                if (Double.isFinite(curve[epoch - 1])) {
                    journal.trialIntermediateValue(id, epoch, curve[epoch - 1]);
                }
            }
            addUserAttrs(journal, id, cells.columns(), cells.rows().get(row));
            journal.finishTrial(id, state, state == OptunaTrialState.FAIL ? null : trial.meanScore(), end);
            states.merge(state, 1, Integer::sum);
        }
        return states;
    }

    private static void addParams(OptunaJournal journal, int trialId, SpaceLayout layout, TrialRecord trial) {
        Object[] values = layout.values(trial.params());
        Set<String> exported = new HashSet<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            SpaceLayout.Slot slot = layout.slots().get(i);
            double internal;
            try {
                internal = OptunaDistributions.internalValue(slot.distribution(), values[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        trial.trialId() + "'s " + slot.name() + " does not fit the spec's "
                                + slot.distribution().keyword() + ": " + e.getMessage(),
                        e);
            }
            journal.trialParam(trialId, slot.name(), internal, OptunaDistributions.json(slot.distribution()));
            exported.add(slot.hp().specName());
        }
        for (String name : trial.params().keySet()) {
            if (!exported.contains(name)) {
                throw new IllegalArgumentException(trial.trialId() + " has " + name + ", which the spec's space does "
                        + "not search (was the spec copy in the run directory edited?)");
            }
        }
    }

    /** The trial's leaderboard cells but its value and params, those it has a value for, as user attributes. */
    private static void addUserAttrs(OptunaJournal journal, int trialId, List<String> columns, List<Object> cells) {
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            boolean exportedOtherwise =
                    column.equals(LeaderboardCells.MEAN_SCORE) || column.startsWith(LeaderboardCells.PARAM_PREFIX);
            if (!exportedOtherwise && !LeaderboardCells.isMissing(cells.get(c))) {
                journal.trialUserAttr(trialId, column, cells.get(c));
            }
        }
    }

    /** The trial's training time over all its splits (each split's own fit time, summed over the segments). */
    private static Duration fitTime(TrialRecord trial) {
        double seconds =
                trial.splits().stream().mapToDouble(SplitResult::fitSeconds).sum();
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getFile() + " is not a directory"; // what creating the file's directory found in its place
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        return e.getReason() != null ? e.getReason() : e.getMessage();
    }
}
