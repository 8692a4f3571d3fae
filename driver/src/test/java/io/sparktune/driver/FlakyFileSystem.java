package io.sparktune.driver;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code flaky:}, with one transient fault: the first time a Spark task opens a
 * file after {@link #reset()}, the read fails with an {@link IOException}; every later open works. Hadoop finds it
 * through {@code META-INF/services} (test class path only), as it finds {@code hdfs:} or {@code s3a:}. Opens outside
 * Spark tasks (e.g. the driver checking the data) always work.
 */
public final class FlakyFileSystem extends RawLocalFileSystem {
    private static final AtomicReference<String> FAILED = new AtomicReference<>();

    /** Makes the next open by a task fail. */
    public static void reset() {
        FAILED.set(null);
    }

    /** The file whose read failed since {@link #reset()}, if any. */
    public static Optional<String> failed() {
        return Optional.ofNullable(FAILED.get());
    }

    @Override
    public String getScheme() {
        return "flaky";
    }

    @Override
    public URI getUri() {
        return URI.create("flaky:///");
    }

    @Override
    public FSDataInputStream open(Path file, int bufferSize) throws IOException {
        if (Thread.currentThread().getName().startsWith("Executor task launch worker")
                && FAILED.compareAndSet(null, file.toString())) {
            throw new IOException("flaky: the first read of " + file + " by a task fails");
        }
        return super.open(file, bufferSize);
    }
}
