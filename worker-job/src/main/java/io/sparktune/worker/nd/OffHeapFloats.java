package io.sparktune.worker.nd;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk access to the off-heap memory of float arrays. ND4J's own element-wise paths ({@code Nd4j.create(float[])},
 * {@code toFloatMatrix()}) go one element or one row view at a time; each row view allocates shape information and
 * a phantom reference the garbage collector must process, which made young collections of a search take hundreds of
 * milliseconds (bench/NOTES.md).
 */
public final class OffHeapFloats {

    private OffHeapFloats() {}

    /** A {@code rows × cols} c-order float matrix holding {@code values} (row-major), copied in one bulk put. */
    public static INDArray matrix(float[] values, long rows, long cols) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(values.length + " values for a " + rows + "x" + cols + " matrix");
        }
        INDArray matrix = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, cols}, 'c');
        view(matrix).put(values);
        return matrix;
    }

    /** The elements of {@code array} in c order, read in bulk (one copy if it is a view or another order). */
    public static float[] rowMajor(INDArray array) {
        return rowMajor(array, null);
    }

    /**
     * The elements of {@code array} in c order, read in bulk into {@code reuse} if it has the array's length (else
     * into a new array); returns where they are.
     */
    public static float[] rowMajor(INDArray array, float[] reuse) {
        INDArray dense = isDense(array) && array.ordering() == 'c' ? array : array.dup('c');
        float[] values = reuse != null && reuse.length == dense.length() ? reuse : new float[(int) dense.length()];
        view(dense).get(values);
        return values;
    }

    /**
     * The memory of a dense float array as a buffer starting at its first element; writes go to the array. Element i
     * of the buffer is element i of the array in its own order ({@link INDArray#ordering()}).
     */
    public static FloatBuffer view(INDArray array) {
        if (!isDense(array)) {
            throw new IllegalArgumentException("not a dense float array: " + array.shapeInfoToString());
        }
        FloatBuffer all = array.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        return all.position((int) array.offset())
                .limit((int) (array.offset() + array.length()))
                .slice();
    }

    /** Whether element i of each array's buffer is element i of the other: dense float, same shape and order. */
    public static boolean sameLayout(INDArray a, INDArray b) {
        return isDense(a)
                && isDense(b)
                && a.length() == b.length()
                && (a.isVector() && b.isVector()
                        || a.ordering() == b.ordering() && Arrays.equals(a.shape(), b.shape()));
    }

    /** Float, its elements one after the other in memory, and few enough to index with an int. */
    public static boolean isDense(INDArray array) {
        return array.dataType() == DataType.FLOAT
                && array.elementWiseStride() == 1
                && array.length() <= Integer.MAX_VALUE;
    }

    /**
     * Frees the native memory of arrays nothing will read again, now rather than when the garbage collector finds
     * them: with little garbage on the heap a long-lived executor would otherwise hold gigabytes of released
     * examples until the next collection. Skips nulls, views and arrays already freed.
     */
    public static void free(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && !array.wasClosed() && array.closeable()) {
                array.close();
            }
        }
    }
}
