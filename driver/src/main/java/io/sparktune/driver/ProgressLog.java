package io.sparktune.driver;

import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per finished trial: progress, the trial's score, the best so far, elapsed time and an ETA. */
final class ProgressLog {
    private static final Logger LOG = LoggerFactory.getLogger("sparktune.progress");
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;

    ProgressLog(int total, int parallelism) {
        this.total = total;
        LOG.info("searching {} candidates, {} trainings at a time", total, parallelism);
    }

    void trialFinished(TrialRecord trial, Leaderboard board) {
        done++;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = elapsed / done * (total - done);
        TrialRecord best = board.rows().get(0).trial();
        LOG.info(String.format(Locale.ROOT, "[%d/%d] %s %s %s | best %.4f (%s) | elapsed %s, ETA %s",
                done, total, trial.trialId(), trial.status().name().toLowerCase(Locale.ROOT),
                Double.isNaN(trial.meanScore()) ? "" : String.format(Locale.ROOT, "%.4f ± %.4f", trial.meanScore(), trial.stdScore()),
                best.meanScore(), best.trialId(), format(elapsed), format(eta)));
    }

    private static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
