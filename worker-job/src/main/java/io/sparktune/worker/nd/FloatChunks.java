package io.sparktune.worker.nd;

import java.nio.FloatBuffer;

/**
 * Element-wise work over long off-heap float buffers, a cache-sized chunk at a time: each chunk is copied into Java
 * arrays, worked on, and copied back. A loop over Java arrays has no per-element bounds checks left and vectorises;
 * one over {@code FloatBuffer.get(i)} does neither (bench/NOTES.md). Not thread-safe: one instance per thread.
 */
public final class FloatChunks {
    /** Elements per chunk: a few chunks of floats stay in the L1/L2 cache. */
    public static final int SIZE = 4096;

    /** Works on one chunk: {@code chunks[k][0..length)} holds buffer k's elements; changes are written back. */
    @FunctionalInterface
    public interface Rule {
        void apply(float[][] chunks, int length);
    }

    private final float[][] scratch;

    /** For rules over at most {@code buffers} buffers at once. */
    public FloatChunks(int buffers) {
        scratch = new float[buffers][SIZE];
    }

    /**
     * Runs {@code rule} over the first {@code n} elements of {@code buffers}, chunk by chunk, writing every one back.
     */
    public void forEach(int n, Rule rule, FloatBuffer... buffers) {
        if (buffers.length > scratch.length) {
            throw new IllegalArgumentException(buffers.length + " buffers, room for " + scratch.length);
        }
        for (int from = 0; from < n; from += SIZE) {
            int length = Math.min(SIZE, n - from);
            for (int k = 0; k < buffers.length; k++) {
                buffers[k].get(from, scratch[k], 0, length);
            }
            rule.apply(scratch, length);
            for (int k = 0; k < buffers.length; k++) {
                buffers[k].put(from, scratch[k], 0, length);
            }
        }
    }
}
