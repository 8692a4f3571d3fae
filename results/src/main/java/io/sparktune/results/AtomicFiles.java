package io.sparktune.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old or the new content, never a half-written one: the content goes
 * to a hidden temporary file beside the target ({@code .NAME…tmp}), is forced to disk, then renamed over the target.
 * If the writer fails the target is untouched and the temporary file removed; if the process dies, the target is
 * still the old complete file and at worst a stale temporary file is left.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Produces a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} (UTF-8) to {@code target} atomically. */
    public static void write(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes what {@code content} produces to {@code target} atomically. */
    public static void write(Path target, Content content) throws IOException {
        writeFile(target, temp -> {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
            }
        });
    }

    /** Writes a file's content given its name (for writers that take a file, not a stream). */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code target} atomically through a writer that takes a file name: {@code content} writes the hidden
     * temporary file, which is then forced to disk and renamed over the target.
     */
    public static void writeFile(Path target, FileContent content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
