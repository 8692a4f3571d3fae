package io.sparktune.worker.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified train/validation splits, the same for every candidate of a search (they depend only on the labels and
 * the seed), as scikit-learn's {@code StratifiedKFold(shuffle=True)} does.
 */
public final class Folds {

    /** The row indices used for training and for validation in one split. */
    public record Split(int[] train, int[] validation) {
    }

    private Folds() {
    }

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
        for (List<Integer> members : shuffledByClass(labels, numClasses, seed)) {
            int take = (int) Math.round(members.size() * fraction);
            for (int i = 0; i < take; i++) {
                isValidation[members.get(i)] = 1;
            }
        }
        return splitBy(isValidation, 1);
    }

    /** Fold number of each row: each class is shuffled and dealt round-robin, so folds are stratified. */
    private static int[] assignFolds(int[] labels, int numClasses, int k, long seed) {
        int[] fold = new int[labels.length];
        int next = 0;
        for (List<Integer> members : shuffledByClass(labels, numClasses, seed)) {
            for (int row : members) {
                fold[row] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    private static List<List<Integer>> shuffledByClass(int[] labels, int numClasses, long seed) {
        List<List<Integer>> byClass = new ArrayList<>(numClasses);
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int row = 0; row < labels.length; row++) {
            byClass.get(labels[row]).add(row);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (List<Integer> members : byClass) {
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                members.set(i, members.set(j, members.get(i)));
            }
        }
        return byClass;
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
