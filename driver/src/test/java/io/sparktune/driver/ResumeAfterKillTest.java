package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.sampler.Sampler;
import io.sparktune.space.sampler.Samplers;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.FashionMnist;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search driver killed with SIGKILL mid-search, then resumed: every trial finished before the kill is kept exactly
 * once and not re-trained, the rest run, and the candidates are those of an uninterrupted run with the same seed.
 */
class ResumeAfterKillTest {
    private static final int N_ITER = 8;

    @TempDir
    Path dir;

    @Test
    void resumesAKilledSearch() throws Exception {
        Path spec = writeSpec(1500, 4);
        Path out = dir.resolve("run");

        Process driver = searchInNewJvm(spec, out);
        try {
            awaitJournalLines(out, 2, driver);
        } finally {
            driver.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            driver.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> beforeKill = completeLines(out);
        assertTrue(beforeKill.size() >= 2 && beforeKill.size() < N_ITER, beforeKill.size() + " trials before the kill");

        int exit = io.sparktune.cli.MainForTests.run(
                "search", spec.toString(), "--out", out.toString(), "--resume", "--master", "local[2]", "--quiet");
        assertEquals(0, exit);

        List<String> after = completeLines(out);
        assertEquals(
                beforeKill, after.subList(0, beforeKill.size()), "trials finished before the kill kept as they were");
        List<TrialRecord> trials = TrialJournal.read(out);
        assertEquals(N_ITER, trials.size(), "each trial exactly once");
        assertEquals(
                N_ITER,
                trials.stream().mapToInt(TrialRecord::trialNumber).distinct().count());
        assertEquals(
                N_ITER,
                LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME)).size());

        Sampler uninterrupted = Samplers.forSpec(SpecParser.parse(spec));
        List<Candidate> expected = new ArrayList<>();
        for (int i = 0; i < N_ITER; i++) {
            expected.add(uninterrupted.next());
        }
        for (TrialRecord trial : trials) {
            assertEquals(expected.get(trial.trialNumber()), trial.toCandidate(), "same candidates as without the kill");
        }
    }

    @Test
    void ctrlCStopsCleanlyAndTheSearchResumes() throws Exception {
        // trials of ~0.3 s: the signal (sent once the first is journaled) lands while the search runs, not after it
        Path spec = writeSpec(12000, 20);
        Path out = dir.resolve("run");
        Process driver = searchInNewJvm(spec, out);
        awaitJournalLines(out, 1, driver);
        new ProcessBuilder("kill", "-INT", String.valueOf(driver.pid())).start().waitFor();
        if (!driver.waitFor(120, TimeUnit.SECONDS)) {
            String threads = threadDump(driver);
            driver.destroyForcibly();
            fail("the search did not stop after Ctrl-C; its threads:\n" + threads + "\nits log:\n"
                    + readQuietly(out.resolveSibling("killed-driver.log")));
        }
        assertEquals(130, driver.exitValue(), "exit status of an interrupted search");

        List<TrialRecord> kept = TrialJournal.read(out);
        assertTrue(kept.size() >= 1 && kept.size() < N_ITER, kept.size() + " trials kept");
        assertEquals(
                kept.size(),
                LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME)).size(),
                "the leaderboard holds every finished trial");
        assertEquals(kept.size(), completeLines(out).size(), "no torn or cancelled trial in the journal");
        assertTrue(Files.readString(out.resolveSibling("killed-driver.log")).contains("continue with --resume"));

        assertEquals(
                0,
                io.sparktune.cli.MainForTests.run(
                        "search",
                        spec.toString(),
                        "--out",
                        out.toString(),
                        "--resume",
                        "--master",
                        "local[2]",
                        "--quiet"));
        assertEquals(N_ITER, TrialJournal.read(out).size());
    }

    @Test
    void refusesToResumeWithAChangedSpecNamingTheChange() throws Exception {
        Path spec = Files.writeString(
                dir.resolve("a.yaml"), Files.readString(Path.of("..", "examples", "fashion-mlp.yaml")));
        Path out = dir.resolve("run");
        io.sparktune.results.RunFiles.startNew(out, spec);
        Path changed = Files.writeString(
                dir.resolve("b.yaml"),
                Files.readString(spec).replace("n_iter: 10", "n_iter: 12").replace("patience: 2", "patience: 3"));

        IOException e = org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> Resume.journal(out, SpecParser.parse(changed)));
        assertTrue(e.getMessage().contains("search.n_iter: 10 → 12"), e.getMessage());
        assertTrue(e.getMessage().contains("training.patience: 2 → 3"), e.getMessage());
    }

    /** {@link #N_ITER} candidates on the first {@code limit} images, {@code maxEpochs} each at most. */
    private Path writeSpec(int limit, int maxEpochs) throws IOException {
        return Files.writeString(
                dir.resolve("spec.yaml"), """
                name: killed
                task: classification
                %s
                search: {n_iter: %d, cv: 2, seed: 5}
                space:
                  n_neurons: {int: [16, 48]}
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                training: {max_epochs: %d, patience: 1}
                """.formatted(FashionMnist.specTrainData(limit), N_ITER, maxEpochs));
    }

    /** The threads of a running JVM, as {@code jcmd PID Thread.print} lists them. */
    private static String threadDump(Process process) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            return threads;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static Process searchInNewJvm(Path spec, Path out) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Xmx"))
                .toList());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "io.sparktune.cli.Main",
                "search",
                spec.toString(),
                "--out",
                out.toString(),
                "--master",
                "local[2]",
                "--quiet"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolveSibling("killed-driver.log").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    private static void awaitJournalLines(Path out, int lines, Process driver) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (completeLines(out).size() < lines) {
            assertTrue(driver.isAlive(), "the search process ended early; see killed-driver.log");
            assertTrue(System.nanoTime() < deadline, "no trials recorded in time");
            Thread.sleep(100);
        }
    }

    private static List<String> completeLines(Path out) throws IOException {
        Path journal = out.resolve(TrialJournal.FILE_NAME);
        if (!Files.exists(journal)) {
            return List.of();
        }
        String text = Files.readString(journal);
        return List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n")).stream()
                .filter(l -> !l.isEmpty())
                .toList();
    }
}
