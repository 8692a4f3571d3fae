package io.sparktune.worker.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Data locations read through Hadoop's FileSystem API, which Spark carries: plain paths, {@code file:},
 * {@code hdfs:} and {@code s3a:} URIs (the last two need the cluster's Hadoop configuration on the classpath).
 * Gzipped files are recognised by their magic number and decompressed.
 */
public final class HadoopFiles {
    private static final int BUFFER = 1 << 16;
    /** Built once: a new Configuration reads Hadoop's resources again, 6–13 ms a call (bench/NOTES.md). */
    private static final Configuration CONFIGURATION = new Configuration();

    private HadoopFiles() {
    }

    /** The file's content, decompressed if it is gzipped. */
    public static InputStream open(String location) throws IOException {
        Path path = path(location);
        InputStream raw = new BufferedInputStream(fileSystem(path).open(path), BUFFER);
        raw.mark(2);
        boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return gzipped ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
    }

    /** Last modification time in milliseconds; part of the data cache's key. */
    public static long modificationTime(String location) throws IOException {
        Path path = path(location);
        return fileSystem(path).getFileStatus(path).getModificationTime();
    }

    /** The Hadoop configuration every read and write of this JVM shares. */
    public static Configuration configuration() {
        return CONFIGURATION;
    }

    private static Path path(String location) {
        URI uri = URI.create(location.replace(" ", "%20"));
        return uri.getScheme() == null ? new Path(new java.io.File(location).getAbsoluteFile().toURI()) : new Path(uri);
    }

    private static FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(CONFIGURATION);
    }
}
