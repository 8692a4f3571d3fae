package io.sparktune.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident set size of a process on this machine, from {@code /proc/<pid>/status} (Linux). */
final class RssProbe {
    private RssProbe() {}

    /** VmRSS of {@code pid} in bytes, or empty if the process is gone, elsewhere, or this is not Linux. */
    static OptionalLong rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(parseKilobytes(line) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** {@code "VmRSS:	  123456 kB"} → 123456. */
    static long parseKilobytes(String statusLine) {
        String[] fields = statusLine.trim().split("\\s+");
        return Long.parseLong(fields[1]);
    }

    /** The pid of a worker id {@code pid@host}, as {@code SplitResult.worker()} records it. */
    static long pidOf(String worker) {
        return Long.parseLong(worker.substring(0, worker.indexOf('@')));
    }
}
