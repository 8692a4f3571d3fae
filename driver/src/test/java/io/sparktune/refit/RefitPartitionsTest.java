package io.sparktune.refit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.train.Examples;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Spark refit deals the training rows into disjoint, stratified, equal shares, the same for the same seed. */
class RefitPartitionsTest {

    @Test
    void sharesAreDisjointStratifiedAndCoverEveryRow() {
        int n = 1000;
        int[] labels = IntStream.range(0, n).map(i -> i < 800 ? 0 : 1 + i % 4).toArray(); // 80 % class 0
        LabeledData train = LabeledData.classification(new float[n], n, 1, labels, List.of("a", "b", "c", "d", "e"));
        int[] rows = IntStream.range(0, n).map(i -> 3 * i + 1).toArray(); // row numbers in the whole file
        RefitEngine.TrainingSet training =
                new RefitEngine.TrainingSet(null, rows, Examples.of(train), Optional.empty(), 32, 7);

        int[][] shares = RefitPartitions.deal(training, 3);
        assertEquals(3, shares.length);
        int[] all = Arrays.stream(shares).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(rows, all, "every training row exactly once");
        for (int[] share : shares) {
            assertTrue(Math.abs(share.length - n / 3.0) <= 1, "equal shares: " + share.length);
            long classZero = Arrays.stream(share)
                    .filter(row -> labels[(row - 1) / 3] == 0)
                    .count();
            assertEquals(0.8, (double) classZero / share.length, 0.01, "each share has the classes' proportions");
        }
        assertArrayEquals(shares[1], RefitPartitions.deal(training, 3)[1], "the same seed deals the same shares");
        assertArrayEquals(rows, RefitPartitions.deal(training, 1)[0], "one worker gets every row");
    }
}
