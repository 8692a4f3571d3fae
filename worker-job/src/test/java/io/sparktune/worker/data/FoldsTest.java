package io.sparktune.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FoldsTest {
    private static final int[] LABELS = new SplittableRandom(1).ints(1003, 0, 4).toArray();

    @Test
    void kFoldValidationSetsPartitionTheRowsAndAreStratified() {
        int k = 3;
        BitSet seen = new BitSet();
        for (int split = 0; split < k; split++) {
            Folds.Split s = Folds.kFold(LABELS, 4, k, split, 42);
            assertEquals(LABELS.length, s.train().length + s.validation().length);
            for (int row : s.validation()) {
                assertFalse(seen.get(row), "row " + row + " validated twice");
                seen.set(row);
            }
            int[] perClass = new int[4];
            for (int row : s.validation()) {
                perClass[LABELS[row]]++;
            }
            int[] total = new int[4];
            for (int label : LABELS) {
                total[label]++;
            }
            for (int c = 0; c < 4; c++) {
                assertEquals(total[c] / (double) k, perClass[c], 1.0, "class " + c + " in fold " + split);
            }
            BitSet train = new BitSet();
            Arrays.stream(s.train()).forEach(train::set);
            assertFalse(train.intersects(toBitSet(s.validation())));
        }
        assertEquals(LABELS.length, seen.cardinality());
    }

    @Test
    void sameSeedSameFoldsOtherSeedOtherFolds() {
        assertArrayEquals(
                Folds.kFold(LABELS, 4, 3, 1, 7).validation(),
                Folds.kFold(LABELS, 4, 3, 1, 7).validation());
        assertFalse(Arrays.equals(
                Folds.kFold(LABELS, 4, 3, 1, 7).validation(),
                Folds.kFold(LABELS, 4, 3, 1, 8).validation()));
    }

    @Test
    void holdOutTakesTheFractionOfEachClass() {
        Folds.Split s = Folds.holdOut(LABELS, 4, 0.2, 3);
        assertEquals(LABELS.length * 0.2, s.validation().length, 3);
        assertTrue(s.train().length + s.validation().length == LABELS.length);
    }

    private static BitSet toBitSet(int[] rows) {
        BitSet set = new BitSet();
        Arrays.stream(rows).forEach(set::set);
        return set;
    }
}
