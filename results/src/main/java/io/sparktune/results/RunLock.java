package io.sparktune.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock a live search holds on its output directory, so that a second search or resume cannot interleave its
 * journal lines with the first's. The lock is the operating system's ({@link FileChannel#tryLock()}) on
 * {@code DIR/.lock}, whose text names the holder ({@code pid@host}): it goes when the process dies, so a file left by
 * {@code kill -9} does not block a resume. Within one JVM a second lock on the same directory is refused too, without
 * opening the file again: POSIX locks belong to the process, and closing any descriptor of the file drops them.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE_NAME = ".lock";

    /** The directories this JVM holds locks on (by real path). */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code runDir} (created if missing) for this process; refuses, naming the holder, if a live one has it. */
    public static RunLock acquire(Path runDir) throws IOException {
        if (Files.exists(runDir) && !Files.isDirectory(runDir)) {
            throw new IOException(runDir + " is not a directory; choose another --out directory");
        }
        Files.createDirectories(runDir);
        Path file = runDir.resolve(FILE_NAME);
        // one channel per file and JVM: closing a second one would release this process's lock taken by the first
        Path key = runDir.toRealPath();
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw inUse(runDir, holderName()); // not read from the file: closing it would drop our lock
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(runDir, holder(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holderName().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(key);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /**
     * Releases the lock and empties the file. The file itself stays: deleting it would let a process that opened it a
     * moment before lock the deleted file while another locks a new one.
     */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
            HELD_IN_THIS_JVM.remove(key);
        }
    }

    /** {@code pid@host} of this process, as the lock file names it. */
    static String holderName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return ProcessHandle.current().pid() + "@" + host;
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private static IOException inUse(Path runDir, String holder) {
        return new IOException(runDir + " is in use by a running search (" + holder
                + "); wait for it to end or choose another --out directory");
    }
}
