package io.sparktune.space.distribution;

import java.util.List;
import java.util.stream.IntStream;

/** A distribution over the integers of [low, high]: every one of them is a grid point. */
public sealed interface IntegerDistribution extends Distribution permits IntRange, IntLog {

    int low();

    int high();

    @Override
    default List<Object> discreteValues() {
        return IntStream.rangeClosed(low(), high())
                .boxed()
                .map(Object.class::cast)
                .toList();
    }

    @Override
    default long gridSize(int points) {
        return (long) high() - low() + 1;
    }

    @Override
    default boolean isContinuous() {
        return false;
    }
}
