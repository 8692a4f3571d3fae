package io.sparktune.worker.data;

import java.util.SplittableRandom;

/**
 * Stratified train/validation splits, the same for every candidate of a search (they depend only on the labels and
 * the seed), as scikit-learn's {@code StratifiedKFold(shuffle=True)} does.
 */
public final class Folds {

    /** The row indices used for training and for validation in one split. */
    public record Split(int[] train, int[] validation) {}

    private Folds() {}

    /** Split {@code split} of stratified k-fold cross-validation ({@code k >= 2}). */
    public static Split kFold(int[] labels, int numClasses, int k, int split, long seed) {
        if (k < 2 || split < 0 || split >= k) {
            throw new IllegalArgumentException("need 0 <= split < k and k >= 2, got split " + split + " of " + k);
        }
        int[] fold = assignFolds(labels, numClasses, k, seed);
        return splitBy(fold, split);
    }

    /** A stratified hold-out split with about {@code fraction} of each class in validation. */
    public static Split holdOut(int[] labels, int numClasses, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0,1), got " + fraction);
        }
        int[] isValidation = new int[labels.length];
        RowsByClass byClass = shuffledByClass(labels, numClasses, seed);
        for (int c = 0; c < numClasses; c++) {
            int take = (int) Math.round(byClass.count(c) * fraction);
            for (int i = byClass.start[c]; i < byClass.start[c] + take; i++) {
                isValidation[byClass.rows[i]] = 1;
            }
        }
        return splitBy(isValidation, 1);
    }

    /** Fold number of each row: each class is shuffled and dealt round-robin, so folds are stratified. */
    private static int[] assignFolds(int[] labels, int numClasses, int k, long seed) {
        int[] fold = new int[labels.length];
        int next = 0;
        for (int row : shuffledByClass(labels, numClasses, seed).rows) {
            fold[row] = next;
            next = (next + 1) % k;
        }
        return fold;
    }

    /**
     * The row numbers grouped by class ({@code rows[start[c]] .. rows[start[c + 1] - 1]} are class {@code c}'s), in
     * row order within a class before shuffling.
     */
    private record RowsByClass(int[] rows, int[] start) {
        int count(int c) {
            return start[c + 1] - start[c];
        }
    }

    /** Each class's rows, shuffled by one random stream that visits the classes in order (Fisher–Yates). */
    private static RowsByClass shuffledByClass(int[] labels, int numClasses, long seed) {
        int[] start = new int[numClasses + 1];
        for (int label : labels) {
            start[label + 1]++;
        }
        for (int c = 0; c < numClasses; c++) {
            start[c + 1] += start[c];
        }
        int[] rows = new int[labels.length];
        int[] filled = start.clone();
        for (int row = 0; row < labels.length; row++) {
            rows[filled[labels[row]]++] = row;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < numClasses; c++) {
            for (int i = start[c + 1] - 1 - start[c]; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swapped = rows[start[c] + i];
                rows[start[c] + i] = rows[start[c] + j];
                rows[start[c] + j] = swapped;
            }
        }
        return new RowsByClass(rows, start);
    }

    private static Split splitBy(int[] group, int validationGroup) {
        int validationSize = 0;
        for (int g : group) {
            validationSize += g == validationGroup ? 1 : 0;
        }
        int[] train = new int[group.length - validationSize];
        int[] validation = new int[validationSize];
        for (int row = 0, t = 0, v = 0; row < group.length; row++) {
            if (group[row] == validationGroup) {
                validation[v++] = row;
            } else {
                train[t++] = row;
            }
        }
        return new Split(train, validation);
    }
}
