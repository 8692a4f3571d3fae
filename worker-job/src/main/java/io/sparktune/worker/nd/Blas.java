package io.sparktune.worker.nd;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Float BLAS calls straight into the library ND4J bundles ({@code cblas_sgemm}, {@code cblas_saxpy}), for the
 * small operations of a training step. {@code Nd4j.gemm} runs the same BLAS call as a custom op: it builds an op
 * context, sets its input and output buffers and hands the context to a deallocator, 5–10 µs per call — as long as
 * a whole 32 × 59 × 59 product, and about a third of a small network's step (bench/NOTES.md).
 */
public final class Blas {

    private Blas() {}

    /**
     * A 2-D float matrix as BLAS reads it: where its first element is, whether its rows or its columns are
     * contiguous, and the distance between them. Make one per array and keep it: it holds the array's memory
     * address, valid as long as the array is.
     */
    public record Matrix(
            INDArray array, FloatPointer first, long rows, long columns, boolean rowMajor, long leadingDimension) {

        /** {@code array} as BLAS reads it, or an exception if it is not a float matrix with a contiguous dimension. */
        public static Matrix of(INDArray array) {
            if (array.dataType() != DataType.FLOAT || array.rank() != 2) {
                throw new IllegalArgumentException("not a float matrix: " + array.shapeInfoToString());
            }
            long rows = array.rows();
            long columns = array.columns();
            long rowStride = array.stride(0);
            long columnStride = array.stride(1);
            boolean rowMajor;
            long leading;
            if (columnStride == 1 && (rows == 1 || rowStride >= columns)) {
                rowMajor = true;
                leading = rows == 1 ? Math.max(1, columns) : rowStride;
            } else if (rowStride == 1 && (columns == 1 || columnStride >= rows)) {
                rowMajor = false;
                leading = columns == 1 ? Math.max(1, rows) : columnStride;
            } else {
                throw new IllegalArgumentException("no contiguous rows or columns: " + array.shapeInfoToString());
            }
            return new Matrix(array, firstElement(array), rows, columns, rowMajor, leading);
        }

        /**
         * Rows {@code start} (inclusive) to {@code end} (exclusive) of this row-major matrix, in the same memory. A
         * block has no array of its own: its {@link #array} is null. Cheaper than an ND4J view
         * ({@code INDArray.get(interval, all)} builds shape information, and its large generic method is compiled
         * again and again as its profile changes).
         */
        public Matrix rowBlock(long start, long end) {
            if (!rowMajor || start < 0 || end > rows || start >= end) {
                throw new IllegalArgumentException("no row block " + start + ".." + end + " of a "
                        + (rowMajor ? "row" : "column") + "-major " + rows + "x" + columns + " matrix");
            }
            FloatPointer blockFirst = new FloatPointer(first).position(first.position() + start * leadingDimension);
            return new Matrix(null, blockFirst, end - start, columns, true, leadingDimension);
        }
    }

    /** {@code c = op(a) · op(b)}, where {@code op(x)} is {@code x} or its transpose. */
    public static void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c) {
        long m = transposeA ? a.columns() : a.rows();
        long k = transposeA ? a.rows() : a.columns();
        long kB = transposeB ? b.columns() : b.rows();
        long n = transposeB ? b.rows() : b.columns();
        if (k != kB || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException(
                    "cannot multiply " + m + "x" + k + " by " + kB + "x" + n + " into " + c.rows() + "x" + c.columns());
        }
        // in c's own layout; an operand stored the other way round is its transpose in that layout
        boolean rowMajor = c.rowMajor();
        cblas_sgemm(
                rowMajor ? CblasRowMajor : CblasColMajor,
                transposeA != (a.rowMajor() != rowMajor) ? CblasTrans : CblasNoTrans,
                transposeB != (b.rowMajor() != rowMajor) ? CblasTrans : CblasNoTrans,
                (int) m,
                (int) n,
                (int) k,
                1f,
                a.first(),
                (int) a.leadingDimension(),
                b.first(),
                (int) b.leadingDimension(),
                0f,
                c.first(),
                (int) c.leadingDimension());
    }

    /** {@link #multiply(Matrix, boolean, Matrix, boolean, Matrix)} for arrays used once. */
    public static void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c) {
        multiply(Matrix.of(a), transposeA, Matrix.of(b), transposeB, Matrix.of(c));
    }

    /** {@code target -= values}, element by element, for dense float arrays of one length and layout. */
    public static void subtract(INDArray target, INDArray values) {
        if (!OffHeapFloats.sameLayout(target, values)) {
            throw new IllegalArgumentException(
                    "cannot subtract " + values.shapeInfoToString() + " from " + target.shapeInfoToString());
        }
        cblas_saxpy((int) target.length(), -1f, firstElement(values), 1, firstElement(target), 1);
    }

    /** The address of an array's first element (a view's buffer starts at the view's offset already). */
    private static FloatPointer firstElement(INDArray array) {
        return new FloatPointer(array.data().addressPointer())
                .position(array.offset() - array.data().offset());
    }
}
