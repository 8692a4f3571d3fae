package io.sparktune.worker.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads each dataset once per JVM (an executor trains many candidates) and keeps the few most recently used.
 * The key includes the files' modification times, so a changed file is read again.
 */
public final class DataCache {
    private static final int MAX_ENTRIES = 4;
    private static final Map<String, LabeledData> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LabeledData> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private DataCache() {
    }

    /** The dataset {@code ref} points at, read on first use. */
    public static LabeledData load(DataRef ref) throws IOException {
        Path images = localPath(ref.images());
        Path labels = localPath(ref.labels());
        String key = ref + "@" + Files.getLastModifiedTime(images) + "/" + Files.getLastModifiedTime(labels);
        synchronized (CACHE) {
            LabeledData cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Read outside the lock; two threads may read the same file once each, which is harmless.
        LabeledData data = IdxReader.read(images, labels, ref.limit());
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(key, k -> data);
        }
    }

    /** A plain path or a {@code file:} URI as a local path; other file systems (hdfs:, s3a:) are not readable yet. */
    static Path localPath(String location) throws IOException {
        if (location.startsWith("file:")) {
            return Path.of(java.net.URI.create(location));
        }
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IOException(location + ": only local paths and file: URIs can be read in this version");
        }
        return Path.of(location);
    }
}
