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
 * {@code hdfs:} and {@code s3a:} URIs. Reads use the job's Hadoop configuration once the driver or a Spark task has
 * installed it ({@link #use}: the driver's {@code spark.hadoop.*} settings and {@code HADOOP_CONF_DIR}), else the
 * class path's. Gzipped files are recognised by their magic number and decompressed.
 */
public final class HadoopFiles {
    private static final int BUFFER = 1 << 16;
    /** Built once: a new Configuration reads Hadoop's resources again, 6–13 ms a call (bench/NOTES.md). */
    private static volatile Configuration configuration = new Configuration();

    private HadoopFiles() {}

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

    /**
     * {@code location} fully qualified on its filesystem: a plain path becomes {@code file:///abs/...} (relative to the
     * working directory), a URI gets the authority its filesystem fills in (e.g. {@code fs.defaultFS}'s for hdfs:///).
     */
    public static String qualify(String location) throws IOException {
        Path path = path(location);
        return fileSystem(path).makeQualified(path).toString();
    }

    /** The Hadoop configuration every read and write of this JVM shares. */
    public static Configuration configuration() {
        return configuration;
    }

    /**
     * Makes {@code jobConfiguration} the one every later read and write uses: the driver's when its Spark context
     * starts, and on executors the one the driver's settings describe, installed by each task (a volatile write).
     * Hadoop caches FileSystem instances per scheme, authority and user, so a filesystem already opened keeps the
     * configuration it was opened with.
     */
    public static void use(Configuration jobConfiguration) {
        configuration = jobConfiguration;
    }

    private static Path path(String location) {
        URI uri = URI.create(location.replace(" ", "%20"));
        return uri.getScheme() == null
                ? new Path(new java.io.File(location).getAbsoluteFile().toURI())
                : new Path(uri);
    }

    private static FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(configuration);
    }
}
