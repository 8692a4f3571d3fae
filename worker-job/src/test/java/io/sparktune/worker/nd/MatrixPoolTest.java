package io.sparktune.worker.nd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MatrixPoolTest {

    @Test
    void aGivenBackBufferServesTheNextSplitOfAboutItsSize() {
        INDArray first = MatrixPool.borrow(1000, 7);
        long address = first.data().address();
        assertTrue(MatrixPool.giveBack(first));
        INDArray slightlySmaller = MatrixPool.borrow(950, 7);
        assertEquals(address, slightlySmaller.data().address(), "the same memory again");
        assertArrayEquals(new long[] {950, 7}, slightlySmaller.shape());
        assertEquals('c', slightlySmaller.ordering());
        assertTrue(OffHeapFloats.isDense(slightlySmaller), "usable as a dense c-order matrix");
        INDArray muchSmaller = MatrixPool.borrow(400, 7);
        assertTrue(muchSmaller.data().address() != address, "a buffer is not spent on a request far below its size");
        INDArray otherColumns = MatrixPool.borrow(100, 70);
        assertNotSame(slightlySmaller.data(), otherColumns.data());
        for (INDArray lent : List.of(slightlySmaller, muchSmaller, otherColumns)) {
            assertTrue(MatrixPool.giveBack(lent));
        }
    }

    @Test
    void writesThroughTheLentViewLandInRowOrder() {
        INDArray big = MatrixPool.borrow(10, 3);
        MatrixPool.giveBack(big);
        INDArray lent = MatrixPool.borrow(9, 3);
        float[] values = new float[27];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        OffHeapFloats.view(lent).put(values);
        assertEquals(3 * 2 + 1, lent.getFloat(2, 1), 0f);
        assertArrayEquals(values, OffHeapFloats.rowMajor(lent), 0f);
        MatrixPool.giveBack(lent);
    }

    @Test
    void keepsFewIdleBuffersAndIgnoresArraysItDidNotLend() {
        List<INDArray> lent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lent.add(MatrixPool.borrow(20 + 10 * i, 5));
        }
        lent.forEach(MatrixPool::giveBack);
        assertTrue(MatrixPool.idle() <= 4, "idle buffers beyond the limit are freed: " + MatrixPool.idle());
        INDArray own = Nd4j.zeros(3, 3);
        assertFalse(MatrixPool.giveBack(own));
        assertFalse(own.wasClosed());
        INDArray once = MatrixPool.borrow(5, 5);
        assertTrue(MatrixPool.giveBack(once));
        assertFalse(MatrixPool.giveBack(once), "a matrix goes back once");
    }
}
