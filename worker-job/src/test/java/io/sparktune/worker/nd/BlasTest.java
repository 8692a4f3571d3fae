package io.sparktune.worker.nd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class BlasTest {

    /** Every combination of transposes and storage orders of a, b and c, against ND4J's own mmul. */
    @Test
    void multipliesLikeNd4jForEveryTransposeAndOrder() {
        Nd4j.getRandom().setSeed(7);
        int m = 5, k = 7, n = 3;
        for (boolean transposeA : new boolean[] {false, true}) {
            for (boolean transposeB : new boolean[] {false, true}) {
                for (char orderA : new char[] {'c', 'f'}) {
                    for (char orderB : new char[] {'c', 'f'}) {
                        for (char orderC : new char[] {'c', 'f'}) {
                            INDArray a = Nd4j.rand(DataType.FLOAT, transposeA ? new long[] {k, m} : new long[] {m, k})
                                    .dup(orderA);
                            INDArray b = Nd4j.rand(DataType.FLOAT, transposeB ? new long[] {n, k} : new long[] {k, n})
                                    .dup(orderB);
                            INDArray c = Nd4j.create(DataType.FLOAT, new long[] {m, n}, orderC);
                            Blas.multiply(a, transposeA, b, transposeB, c);
                            INDArray expected = (transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b);
                            String combination =
                                    "op(a) " + transposeA + orderA + ", op(b) " + transposeB + orderB + ", c " + orderC;
                            assertArrayEquals(expected.toFloatMatrix(), c.toFloatMatrix(), combination);
                        }
                    }
                }
            }
        }
    }

    /** A DL4J layer's weights and gradients are 'f'-order views at an offset into one flat parameter vector. */
    @Test
    void readsAndWritesViewsAtAnOffsetIntoAFlatVectorAndNothingElse() {
        Nd4j.getRandom().setSeed(11);
        int inputs = 6, outputs = 4, rows = 3;
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 5 + inputs * outputs + 9);
        INDArray weights = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(5, 5 + inputs * outputs))
                .reshape('f', inputs, outputs);
        INDArray x = Nd4j.rand(DataType.FLOAT, rows, inputs);
        INDArray z = Nd4j.create(DataType.FLOAT, rows, outputs);
        Blas.multiply(x, false, weights, false, z);
        assertArrayEquals(x.mmul(weights).toFloatMatrix(), z.toFloatMatrix());

        // the gradient Xᵀ·Z written into the same view: the elements around it stay as they were
        float[] before = flat.toFloatVector();
        Blas.multiply(x, true, z, false, weights);
        assertArrayEquals(x.transpose().mmul(z).toFloatMatrix(), weights.toFloatMatrix());
        float[] after = flat.toFloatVector();
        for (int i = 0; i < after.length; i++) {
            if (i < 5 || i >= 5 + inputs * outputs) {
                assertEquals(before[i], after[i], "element " + i + " outside the view");
            }
        }
    }

    @Test
    void rowVectorsColumnVectorsAndRowBlocksOfALargerMatrix() {
        Nd4j.getRandom().setSeed(13);
        INDArray big = Nd4j.rand(DataType.FLOAT, 10, 8);
        INDArray block = big.get(NDArrayIndex.interval(3, 7), NDArrayIndex.interval(2, 6)); // leading dimension 8
        INDArray row = Nd4j.rand(DataType.FLOAT, 1, 4);
        INDArray column = Nd4j.rand(DataType.FLOAT, 4, 1);
        INDArray rowTimesBlock = Nd4j.create(DataType.FLOAT, 1, 4);
        INDArray blockTimesColumn = Nd4j.create(DataType.FLOAT, 4, 1);
        INDArray outer = Nd4j.create(DataType.FLOAT, 4, 4);
        Blas.multiply(row, false, block, false, rowTimesBlock);
        Blas.multiply(block, true, column, false, blockTimesColumn);
        Blas.multiply(column, false, row, false, outer);
        assertArrayEquals(row.mmul(block).toFloatMatrix(), rowTimesBlock.toFloatMatrix());
        assertArrayEquals(block.transpose().mmul(column).toFloatMatrix(), blockTimesColumn.toFloatMatrix());
        assertArrayEquals(column.mmul(row).toFloatMatrix(), outer.toFloatMatrix());
    }

    /** Row blocks of a matrix that is itself a column block (leading dimension 8, not its 4 columns). */
    @Test
    void rowBlocksMultiplyLikeTheRowsTheyCover() {
        Nd4j.getRandom().setSeed(19);
        INDArray columns = Nd4j.rand(DataType.FLOAT, 10, 8).get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6));
        INDArray weights = Nd4j.rand(DataType.FLOAT, 4, 3);
        Blas.Matrix whole = Blas.Matrix.of(columns);
        float[][] expected = columns.mmul(weights).toFloatMatrix();
        for (int[] rows : new int[][] {{0, 10}, {0, 4}, {4, 9}, {9, 10}}) {
            INDArray product = Nd4j.create(DataType.FLOAT, rows[1] - rows[0], 3);
            Blas.Matrix block = whole.rowBlock(rows[0], rows[1]);
            Blas.multiply(block, false, Blas.Matrix.of(weights), false, Blas.Matrix.of(product));
            assertArrayEquals(
                    Arrays.copyOfRange(expected, rows[0], rows[1]),
                    product.toFloatMatrix(),
                    "rows " + rows[0] + ".." + rows[1]);
        }
        assertThrows(IllegalArgumentException.class, () -> whole.rowBlock(8, 11));
        assertThrows(IllegalArgumentException.class, () -> whole.rowBlock(5, 5));
        assertThrows(
                IllegalArgumentException.class,
                () -> Blas.Matrix.of(columns.dup('f')).rowBlock(0, 2));
    }

    @Test
    void subtractsFromAViewAtAnOffsetAndNothingElse() {
        Nd4j.getRandom().setSeed(17);
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 20);
        INDArray middle = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(4, 16));
        INDArray values = Nd4j.rand(DataType.FLOAT, 12);
        float[] before = flat.toFloatVector();
        Blas.subtract(middle, values);
        float[] after = flat.toFloatVector();
        float[] subtracted = values.toFloatVector();
        for (int i = 0; i < after.length; i++) {
            float expected = i >= 4 && i < 16 ? before[i] - subtracted[i - 4] : before[i];
            assertEquals(expected, after[i], 1e-7f, "element " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> Blas.subtract(middle, Nd4j.rand(DataType.FLOAT, 11)));
    }

    @Test
    void refusesMismatchedShapesAndLayoutsBlasCannotRead() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 3, 4);
        INDArray b = Nd4j.rand(DataType.FLOAT, 5, 2);
        INDArray c = Nd4j.create(DataType.FLOAT, 3, 2);
        assertThrows(IllegalArgumentException.class, () -> Blas.multiply(a, false, b, false, c));
        INDArray everyOtherColumn =
                Nd4j.rand(DataType.FLOAT, 4, 8).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 8));
        assertThrows(IllegalArgumentException.class, () -> Blas.Matrix.of(everyOtherColumn));
        assertThrows(IllegalArgumentException.class, () -> Blas.Matrix.of(Nd4j.rand(DataType.DOUBLE, 2, 2)));
    }
}
