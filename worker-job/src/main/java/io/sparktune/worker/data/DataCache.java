package io.sparktune.worker.data;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads each dataset once per JVM (an executor trains many candidates) and keeps the few most recently used.
 * The key includes the files' modification times, so a changed file is read again. Threads asking for the same key at
 * once (an executor's cores at start-up) wait for one read; a read of another key does not wait for it. A failed read
 * is not kept: the next request reads again.
 */
public final class DataCache {
    private static final int MAX_ENTRIES = 4;
    private static final Map<String, CompletableFuture<LabeledData>> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<LabeledData>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private static final AtomicLong READS = new AtomicLong();

    private DataCache() {}

    /** The dataset {@code ref} points at, read on first use. */
    public static LabeledData load(DataRef ref) throws IOException {
        // the same rows whether or not splits standardize them later
        String key = ref.withStandardize(false) + "@" + ref.version();
        CompletableFuture<LabeledData> future;
        boolean reader;
        synchronized (CACHE) {
            future = CACHE.get(key);
            reader = future == null;
            if (reader) {
                future = new CompletableFuture<>();
                CACHE.put(key, future);
            }
        }
        if (reader) {
            read(ref, key, future);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + key + " to be read", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** How many times this JVM has read a dataset (not served it from the cache). */
    static long reads() {
        return READS.get();
    }

    private static void read(DataRef ref, String key, CompletableFuture<LabeledData> future) {
        try {
            READS.incrementAndGet();
            future.complete(ref.read());
        } catch (IOException | RuntimeException | Error e) {
            synchronized (CACHE) {
                CACHE.remove(key, future);
            }
            future.completeExceptionally(e);
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
