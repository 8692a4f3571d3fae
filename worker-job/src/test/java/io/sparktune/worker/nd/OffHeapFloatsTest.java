package io.sparktune.worker.nd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class OffHeapFloatsTest {

    @Test
    void matrixHoldsTheValuesRowByRow() {
        float[] values = {1, 2, 3, 4, 5, 6};
        INDArray matrix = OffHeapFloats.matrix(values, 2, 3);
        assertEquals(Nd4j.create(values, new long[] {2, 3}, 'c'), matrix);
        assertThrows(IllegalArgumentException.class, () -> OffHeapFloats.matrix(values, 4, 2));
    }

    @Test
    void rowMajorReadsViewsOtherOrdersAndOffsetsCorrectly() {
        INDArray source = Nd4j.rand(DataType.FLOAT, 7, 5);
        INDArray rowsView = source.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all()); // offset 10, dense
        INDArray columnsView = source.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3)); // not dense
        INDArray fOrder = source.dup('f');
        for (INDArray array : new INDArray[] {source, rowsView, columnsView, fOrder, source.transpose()}) {
            assertArrayEquals(Nd4j.toFlattened('c', array).toFloatVector(), OffHeapFloats.rowMajor(array));
        }
    }

    @Test
    void viewWritesThroughToTheArrayAndRefusesSparseLayouts() {
        INDArray source = Nd4j.zeros(DataType.FLOAT, 4, 3);
        INDArray lastRows = source.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all());
        OffHeapFloats.view(lastRows).put(0, 9f);
        assertEquals(9f, source.getFloat(2, 0));
        assertEquals(6, OffHeapFloats.view(lastRows).capacity());
        assertThrows(
                IllegalArgumentException.class,
                () -> OffHeapFloats.view(source.get(NDArrayIndex.all(), NDArrayIndex.point(1))));
        assertThrows(IllegalArgumentException.class, () -> OffHeapFloats.view(Nd4j.zeros(DataType.DOUBLE, 2)));
    }

    @Test
    void freeReleasesWholeArraysAndLeavesViewsAndNullsAlone() {
        INDArray whole = Nd4j.rand(DataType.FLOAT, 3, 4);
        INDArray other = Nd4j.rand(DataType.FLOAT, 5, 2);
        INDArray view = other.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        OffHeapFloats.free(whole, view, null);
        OffHeapFloats.free(whole);
        assertTrue(whole.wasClosed());
        assertFalse(view.wasClosed());
        assertEquals(other.getFloat(1, 0), view.getFloat(0, 0), "the view's array is still readable");
    }
}
