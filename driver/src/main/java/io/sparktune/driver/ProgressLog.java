package io.sparktune.driver;

import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the search is: done/total, running, best so far, elapsed and ETA. On a terminal a live line on stderr is
 * redrawn every second and each finished trial is printed above it; otherwise one log line per finished trial;
 * nothing at all when quiet.
 */
public final class ProgressLog {
    /** How progress is shown. */
    public enum Mode {
        QUIET,
        LOG,
        LIVE
    }

    private static final Logger LOG = LoggerFactory.getLogger("sparktune.progress");
    private final Mode mode;
    private final PrintStream terminal;
    private ScheduledExecutorService redraw;
    private long startNanos;
    private int planned;
    private int resumed;
    private volatile int done;
    private volatile int running;
    private volatile String best = "-";
    private volatile boolean started;
    private volatile boolean finished;

    public ProgressLog(Mode mode, PrintStream terminal) {
        this.mode = mode;
        this.terminal = terminal;
    }

    /** LIVE when stderr looks like a terminal (an interactive console, TERM not "dumb"), else LOG; QUIET if asked. */
    public static ProgressLog forConsole(boolean quiet) {
        boolean interactive = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new ProgressLog(quiet ? Mode.QUIET : interactive ? Mode.LIVE : Mode.LOG, System.err);
    }

    synchronized void started(int plannedTrials, int alreadyDone, int parallelism) {
        startNanos = System.nanoTime();
        started = true;
        planned = plannedTrials;
        resumed = alreadyDone;
        done = alreadyDone;
        String resuming = alreadyDone > 0 ? " (resuming: " + alreadyDone + " already done)" : "";
        if (mode == Mode.LOG) {
            LOG.info("searching {} candidates, {} trainings at a time{}", plannedTrials, parallelism, resuming);
        } else if (mode == Mode.LIVE) {
            terminal.println(
                    "searching " + plannedTrials + " candidates, " + parallelism + " trainings at a time" + resuming);
            redraw = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sparktune-progress");
                thread.setDaemon(true);
                return thread;
            });
            redraw.scheduleAtFixedRate(this::drawLiveLine, 1, 1, TimeUnit.SECONDS);
        }
    }

    void running(int trials) {
        running = trials;
    }

    synchronized void trialFinished(TrialRecord trial, Leaderboard board, int finishedTrials) {
        done = finishedTrials;
        TrialRecord top = board.rows().get(0).trial();
        best = Double.isNaN(top.meanScore())
                ? "-"
                : String.format(Locale.ROOT, "%.4f (%s)", top.meanScore(), top.trialId());
        String score = Double.isNaN(trial.meanScore())
                ? ""
                : String.format(Locale.ROOT, " %.4f ± %.4f", trial.meanScore(), trial.stdScore());
        String line = String.format(
                Locale.ROOT,
                "[%d/%d] %s %s%s",
                done,
                planned,
                trial.trialId(),
                trial.status().name().toLowerCase(Locale.ROOT),
                score);
        if (mode == Mode.LOG) {
            LOG.info("{} | {}", line, status());
        } else if (mode == Mode.LIVE) {
            terminal.print("\r\033[K" + line + "\n");
            drawLiveLine();
        }
    }

    synchronized void finished() {
        finished = true;
        if (redraw != null) {
            redraw.shutdownNow();
            terminal.print("\r\033[K");
            terminal.flush();
        }
    }

    private synchronized void drawLiveLine() {
        terminal.print("\r\033[K" + status());
        terminal.flush();
    }

    /**
     * The live line, whatever the mode: e.g. "7/60 done, 2 running | best 0.8512 (trial-0004) | elapsed 1m05s, ETA
     * 8m12s".
     */
    public synchronized String statusLine() {
        return started ? status() : "starting";
    }

    /** Whether the search has not ended yet (it may not have started either). */
    public boolean isRunning() {
        return !finished;
    }

    private String status() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int doneHere = done - resumed;
        String eta = doneHere == 0 ? "?" : format(elapsed / doneHere * (planned - done));
        return String.format(
                Locale.ROOT,
                "%d/%d done, %d running | best %s | elapsed %s, ETA %s",
                done,
                planned,
                running,
                best,
                format(elapsed),
                eta);
    }

    private static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
