package io.sparktune.worker.nd;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Off-heap float matrices kept for reuse by the next split of a search in this JVM. A split's features are hundreds of
 * megabytes (Fashion-MNIST, 3-fold: 125 MB to train, 63 MB to validate); allocating them fresh for every split means
 * a new mapping whose every page faults in (45 ms of a split of 24,000 images, twice that with two trainings at once,
 * bench/NOTES.md), while the splits of one search need the same sizes again and again.
 *
 * <p>{@link #borrow} hands out a c-order matrix whose contents are undefined, a view of a pooled buffer of at least
 * its size; {@link #giveBack} returns it. At most {@value #MAX_IDLE} idle buffers are kept; the oldest beyond that
 * are freed.
 */
public final class MatrixPool {
    /** Two trainings per executor (one per core) each hold a training and a validation matrix. */
    private static final int MAX_IDLE = 4;
    /** A buffer serves a request for at least this fraction of its rows (k-fold sizes differ by a few rows). */
    private static final double MIN_USE = 0.9;

    private static final Deque<INDArray> IDLE = new ArrayDeque<>();
    private static final Map<INDArray, INDArray> BUFFER_OF_LENT = new IdentityHashMap<>();

    private MatrixPool() {}

    /** A {@code rows × cols} c-order float matrix, uninitialised; give it back with {@link #giveBack}. */
    public static INDArray borrow(int rows, int cols) {
        INDArray buffer = takeIdle(rows, cols);
        if (buffer == null) {
            buffer = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, cols}, 'c');
        }
        INDArray matrix =
                buffer.rows() == rows ? buffer : buffer.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        synchronized (MatrixPool.class) {
            BUFFER_OF_LENT.put(matrix, buffer);
        }
        return matrix;
    }

    /**
     * Takes back a matrix from {@link #borrow}, which must not be used afterwards; returns false (and does nothing)
     * for any other array.
     */
    public static boolean giveBack(INDArray matrix) {
        INDArray surplus = null;
        synchronized (MatrixPool.class) {
            INDArray buffer = BUFFER_OF_LENT.remove(matrix);
            if (buffer == null) {
                return false;
            }
            IDLE.addFirst(buffer);
            if (IDLE.size() > MAX_IDLE) {
                surplus = IDLE.removeLast();
            }
        }
        OffHeapFloats.free(surplus);
        return true;
    }

    /** Idle buffers held now (for tests). */
    static synchronized int idle() {
        return IDLE.size();
    }

    private static synchronized INDArray takeIdle(int rows, int cols) {
        for (Iterator<INDArray> it = IDLE.iterator(); it.hasNext(); ) {
            INDArray buffer = it.next();
            if (buffer.columns() == cols && buffer.rows() >= rows && rows >= MIN_USE * buffer.rows()) {
                it.remove();
                return buffer;
            }
        }
        return null;
    }
}
