package io.sparktune.worker.data;

import java.io.IOException;
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
        // the same rows whether or not splits standardize them later
        String key = ref.withStandardize(false) + "@" + ref.version();
        synchronized (CACHE) {
            LabeledData cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Read outside the lock; two threads may read the same file once each, which is harmless.
        LabeledData data = ref.read();
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(key, k -> data);
        }
    }
}
