package io.sparktune.space.sampler;

import io.sparktune.space.distribution.Choice;
import java.util.SplittableRandom;

/**
 * A Parzen estimator for a choice: each value's probability is proportional to how often the group chose it plus its
 * prior share (the choice's weight, counting as one observation in all), as in Optuna's TPE. In unit space, a draw
 * is a uniform point of the chosen value's interval, so {@code Choice.fromUnit} gives that value back.
 */
final class CategoricalParzen implements UnitDensity {
    private final Choice choice;
    private final double[] probabilities;

    /** @param observations unit points of the observations of one group (good or bad) */
    CategoricalParzen(Choice choice, double[] observations) {
        this.choice = choice;
        int k = choice.values().size();
        double[] mass = new double[k];
        for (int i = 0; i < k; i++) {
            mass[i] = choice.weights().get(i);
        }
        for (double u : observations) {
            mass[index(u)] += 1.0;
        }
        double total = observations.length + 1.0;
        probabilities = new double[k];
        for (int i = 0; i < k; i++) {
            probabilities[i] = mass[i] / total;
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        double x = random.nextDouble();
        int chosen = probabilities.length - 1;
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (x < cumulative) {
                chosen = i;
                break;
            }
        }
        double width = choice.weights().get(chosen);
        // inside the interval, never on its upper edge (which belongs to the next value)
        return choice.lowerEdge(chosen) + width * (0.001 + 0.998 * random.nextDouble());
    }

    @Override
    public double logDensity(double u) {
        return Math.log(probabilities[index(u)]);
    }

    private int index(double u) {
        return choice.values().indexOf(choice.fromUnit(u));
    }
}
