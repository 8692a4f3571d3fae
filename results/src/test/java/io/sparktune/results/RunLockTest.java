package io.sparktune.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory's lock: held once, named in the refusal, free again after release or a dead holder. */
class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondLockInTheSameJvmIsRefusedNamingTheHolder() throws Exception {
        Path run = dir.resolve("run");
        try (RunLock held = RunLock.acquire(run)) {
            IOException e = assertThrows(IOException.class, () -> RunLock.acquire(run));
            assertTrue(
                    e.getMessage().contains("in use by a running search (" + RunLock.holderName() + ")"),
                    e.getMessage());
            assertTrue(osLockHeld(run.resolve(RunLock.FILE_NAME)), "the refusal left the lock in place for others");
            // (last: reading the file closes a descriptor of it, which drops this process's lock)
            assertEquals(RunLock.holderName(), Files.readString(run.resolve(RunLock.FILE_NAME)));
        }
        RunLock.acquire(run).close(); // released: free again
    }

    /**
     * Whether this process holds a POSIX lock on {@code file}, as Linux lists it in /proc/locks (closing any channel
     * of a file releases all of the process's locks on it: a refusal must not).
     */
    private static boolean osLockHeld(Path file) throws IOException {
        String inode = ":" + Files.getAttribute(file, "unix:ino") + " ";
        String pid = " " + ProcessHandle.current().pid() + " ";
        return Files.readAllLines(Path.of("/proc/locks")).stream()
                .anyMatch(line -> line.contains("POSIX") && line.contains(pid) && line.contains(inode));
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        IOException e = assertThrows(IOException.class, () -> RunLock.acquire(file));
        assertEquals(file + " is not a directory; choose another --out directory", e.getMessage());
    }

    @Test
    void aLockFileLeftByADeadProcessDoesNotBlock() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve(RunLock.FILE_NAME), "999999@a-host-that-died"); // no process holds it
        try (RunLock lock = RunLock.acquire(run)) {
            assertEquals(RunLock.holderName(), Files.readString(run.resolve(RunLock.FILE_NAME)));
        }
    }
}
