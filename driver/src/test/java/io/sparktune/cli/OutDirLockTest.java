package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.RunFiles;
import io.sparktune.results.RunLock;
import io.sparktune.results.TrialJournal;
import io.sparktune.worker.FashionMnist;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} is locked by a live search: a second search or resume on it is refused with one line naming the
 * holder (exit 1) while the first runs on; a lock file whose holder is gone does not block a resume.
 */
class OutDirLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondSearchOnALiveSearchsDirectoryIsRefused() throws Exception {
        Path spec = spec(6);
        Path out = dir.resolve("run");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> first = background.submit(() -> MainForTests.run(
                    "search", spec.toString(), "--out", out.toString(), "--quiet", "--master", "local[1]"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(out.resolve(TrialJournal.FILE_NAME))
                    || TrialJournal.read(out).isEmpty()) {
                assertTrue(System.nanoTime() < deadline && !first.isDone(), "the first search records nothing");
                Thread.sleep(50);
            }
            for (String[] second : new String[][] {{"--resume"}, {}}) {
                StringWriter err = new StringWriter();
                int exit = Main.commandLine(new Main())
                        .setErr(new PrintWriter(err))
                        .execute(concat(
                                new String[] {
                                    "search",
                                    spec.toString(),
                                    "--out",
                                    out.toString(),
                                    "--quiet",
                                    "--master",
                                    "local[1]"
                                },
                                second));
                assertEquals(1, exit, err.toString());
                assertEquals(1, err.toString().lines().count(), err.toString());
                String holder =
                        "in use by a running search (" + ProcessHandle.current().pid() + "@";
                assertTrue(err.toString().contains(holder), err.toString());
                assertTrue(!first.isDone(), "the first search still runs");
            }
            assertEquals(0, first.get(3, TimeUnit.MINUTES));
            assertEquals(6, TrialJournal.read(out).size(), "the first search's journal alone");
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aLockFileLeftByAKilledSearchDoesNotBlockTheResume() throws Exception {
        Path spec = spec(2);
        Path out = dir.resolve("run");
        RunFiles.startNew(out, spec);
        Files.writeString(out.resolve(RunLock.FILE_NAME), "4242@a-killed-driver"); // kill -9 leaves the file only

        assertEquals(
                0,
                MainForTests.run(
                        "search",
                        spec.toString(),
                        "--out",
                        out.toString(),
                        "--resume",
                        "--quiet",
                        "--master",
                        "local[1]"));
        assertEquals(2, TrialJournal.read(out).size());
    }

    @Test
    void aResumeOfADirectoryWithoutASearchCreatesNothing() throws Exception {
        Path out = dir.resolve("typo");
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new Main())
                .setErr(new PrintWriter(err))
                .execute("search", spec(2).toString(), "--out", out.toString(), "--resume");
        assertEquals(1, exit, err.toString());
        assertTrue(err.toString().contains("holds no search"), err.toString());
        assertTrue(!Files.exists(out), "nothing created");
    }

    private Path spec(int nIter) throws Exception {
        return Files.writeString(dir.resolve("lock.yaml"), """
                name: lock
                task: classification
                %s
                search: {n_iter: %d, cv: 2, seed: 2}
                space:
                  n_neurons: {int: [16, 32]}
                training: {max_epochs: 2, patience: 2}
                """.formatted(FashionMnist.specTrainData(1000), nIter));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
