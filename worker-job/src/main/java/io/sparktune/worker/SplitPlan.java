package io.sparktune.worker;

import io.sparktune.worker.data.Folds;
import io.sparktune.worker.data.LabeledData;

/**
 * How a search splits its training data: stratified {@code folds}-fold cross-validation when {@code folds >= 2},
 * otherwise one stratified hold-out of {@code validationFraction} (regression: shuffled, not stratified). Every
 * candidate sees the same splits.
 */
public record SplitPlan(int folds, double validationFraction, long seed) {
    public SplitPlan {
        if (folds < 2 && !(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("need folds >= 2 or a validation fraction in (0,1)");
        }
    }

    /** Number of splits each candidate trains on. */
    public int count() {
        return folds >= 2 ? folds : 1;
    }

    public Folds.Split split(LabeledData data, int index) {
        return folds >= 2
                ? Folds.kFold(data.strata(), data.numStrata(), folds, index, seed)
                : Folds.holdOut(data.strata(), data.numStrata(), validationFraction, seed);
    }
}
