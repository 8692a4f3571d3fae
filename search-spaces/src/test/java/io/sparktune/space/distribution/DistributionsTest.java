package io.sparktune.space.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionsTest {
    private static final int DRAWS = 40_000;

    @Test
    void everyDrawLiesInItsRangeIncludingTheEnds() {
        List<Distribution> distributions = List.of(
                new Uniform(-1, 2),
                new LogUniform(1e-4, 0.1),
                new IntRange(-3, 5),
                new IntLog(1, 1000),
                new Choice(List.of("a", "b")),
                new Fixed(7));
        for (Distribution d : distributions) {
            for (double u : new double[] {0.0, 1.0, 1e-12, 1 - 1e-12, Double.NaN, -1, 2}) {
                assertWithin(d, d.fromUnit(u));
            }
            new SplittableRandom(1).doubles(2_000).forEach(u -> assertWithin(d, d.fromUnit(u)));
        }
        assertEquals(0.1, new LogUniform(1e-4, 0.1).fromUnit(1.0));
        assertEquals(1000, new IntLog(1, 1000).fromUnit(1.0));
        assertEquals(1, new IntLog(1, 1000).fromUnit(0.0));
    }

    @Test
    void logUniformPutsAsManyDrawsInEachDecade() {
        LogUniform d = new LogUniform(1e-5, 1e-1);
        int[] decades = new int[4];
        new SplittableRandom(3)
                .doubles(DRAWS)
                .forEach(u -> decades[(int) Math.min(3, Math.floor(Math.log10((Double) d.fromUnit(u)) + 5))]++);
        for (int count : decades) {
            // expected 10,000 each; a uniform distribution on [1e-5, 0.1] would put 90 % in the last decade
            assertEquals(DRAWS / 4.0, count, DRAWS * 0.02, java.util.Arrays.toString(decades));
        }
    }

    @Test
    void intLogGivesEachOctaveTheSameShare() {
        IntLog d = new IntLog(16, 1023);
        int[] octaves = new int[6]; // [16,32), [32,64), ..., [512,1024)
        new SplittableRandom(5).doubles(DRAWS).forEach(u -> {
            int v = (Integer) d.fromUnit(u);
            octaves[31 - Integer.numberOfLeadingZeros(v) - 4]++;
        });
        for (int count : octaves) {
            assertEquals(DRAWS / 6.0, count, DRAWS * 0.02, java.util.Arrays.toString(octaves));
        }
    }

    @Test
    void weightedChoiceDrawsEachValueWithItsShare() {
        Choice d = new Choice(List.of("adam", "sgd", "rmsprop"), List.of(6.0, 3.0, 1.0));
        Map<Object, Integer> counts = new HashMap<>();
        new SplittableRandom(7).doubles(DRAWS).forEach(u -> counts.merge(d.fromUnit(u), 1, Integer::sum));

        assertEquals(0.6 * DRAWS, counts.get("adam"), DRAWS * 0.015);
        assertEquals(0.3 * DRAWS, counts.get("sgd"), DRAWS * 0.015);
        assertEquals(0.1 * DRAWS, counts.get("rmsprop"), DRAWS * 0.015);
        assertEquals(List.of(0.6, 0.3, 0.1), d.weights());
        assertEquals(new Choice(List.of("a", "b")), new Choice(List.of("a", "b"), List.of(2.0, 2.0)));
    }

    @Test
    void toUnitInvertsFromUnit() {
        List<Distribution> distributions = List.of(
                new Uniform(-1, 2),
                new LogUniform(1e-4, 0.1),
                new IntRange(-3, 5),
                new IntLog(1, 1000),
                new Choice(List.of("a", "b", "c"), List.of(1.0, 5.0, 2.0)),
                new Fixed("x"));
        for (Distribution d : distributions) {
            new SplittableRandom(11).doubles(500).forEach(u -> {
                Object value = d.fromUnit(u);
                Object back = d.fromUnit(d.toUnit(value));
                if (value instanceof Double v) {
                    assertEquals(v, (Double) back, 1e-9 * Math.max(1, Math.abs(v)), d.toString());
                } else {
                    assertEquals(value, back, d.toString());
                }
            });
        }
    }

    @Test
    void gridValuesAreEvenlySpacedInUnitSpace() {
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1), round(new LogUniform(1e-4, 0.1).gridValues(4)));
        assertEquals(List.of(0.0, 0.25, 0.5), new Uniform(0, 0.5).gridValues(3));
        assertEquals(List.of(2, 3, 4), new IntRange(2, 4).gridValues(100));
        assertEquals(3L, new IntLog(2, 4).gridSize(100));
        assertEquals(1L, new Fixed("x").gridSize(0));
    }

    private static List<Double> round(List<Object> values) {
        return values.stream()
                .map(v -> Double.parseDouble(String.format("%.6g", (Double) v)))
                .toList();
    }

    private static void assertWithin(Distribution d, Object value) {
        if (d instanceof Uniform u) {
            double v = assertInstanceOf(Double.class, value);
            assertTrue(u.low() <= v && v <= u.high(), v + " outside " + d);
        } else if (d instanceof LogUniform l) {
            double v = assertInstanceOf(Double.class, value);
            assertTrue(l.low() <= v && v <= l.high(), v + " outside " + d);
        } else if (d instanceof IntRange r) {
            int v = assertInstanceOf(Integer.class, value);
            assertTrue(r.low() <= v && v <= r.high(), v + " outside " + d);
        } else if (d instanceof IntLog r) {
            int v = assertInstanceOf(Integer.class, value);
            assertTrue(r.low() <= v && v <= r.high(), v + " outside " + d);
        } else {
            assertTrue(d.discreteValues().contains(value), value + " not in " + d);
        }
    }
}
