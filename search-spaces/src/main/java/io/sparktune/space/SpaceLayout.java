package io.sparktune.space;

import io.sparktune.space.distribution.Distribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A search space laid out as slots, one value each, that every sampler fills and turns into a candidate's params the
 * same way. One slot per named hyperparameter, except {@code neurons_per_layer}, which has one per possible hidden
 * layer (as many as the largest {@code n_hidden}). The parents of {@link Conditions} come first, so whether a slot
 * applies is known from the slots before it. A slot that does not apply to a candidate (momentum under adam, the
 * third layer's width when n_hidden is 2) is left out of its params.
 */
public final class SpaceLayout {
    /** One value to draw: {@code hp}'s, or for {@code neurons_per_layer} the width of hidden layer {@code layer}. */
    public record Slot(HyperParameter hp, int layer, Distribution distribution) {
        public String name() {
            return layer < 0 ? hp.specName() : hp.specName() + "[" + layer + "]";
        }
    }

    private final SearchSpace space;
    private final List<Slot> slots;
    private final int firstChild;

    private SpaceLayout(SearchSpace space) {
        this.space = space;
        List<Slot> parents = new ArrayList<>();
        List<Slot> children = new ArrayList<>();
        space.dimensions().forEach((hp, distribution) -> {
            if (hp == HyperParameter.NEURONS_PER_LAYER) {
                for (int layer = 0; layer < maxHiddenLayers(space); layer++) {
                    children.add(new Slot(hp, layer, distribution));
                }
            } else {
                (Conditions.isParent(hp) ? parents : children).add(new Slot(hp, -1, distribution));
            }
        });
        this.firstChild = parents.size();
        parents.addAll(children);
        this.slots = List.copyOf(parents);
    }

    public static SpaceLayout of(SearchSpace space) {
        return new SpaceLayout(space);
    }

    public List<Slot> slots() {
        return slots;
    }

    public int size() {
        return slots.size();
    }

    /** Largest number of hidden layers a candidate of {@code space} can have. */
    public static int maxHiddenLayers(SearchSpace space) {
        Distribution nHidden = space.dimensions().get(HyperParameter.N_HIDDEN);
        if (nHidden == null) {
            return (Integer) HyperParameter.N_HIDDEN.defaultValue();
        }
        return nHidden.discreteValues().stream()
                .mapToInt(v -> (Integer) v)
                .max()
                .orElse(0);
    }

    /** One value per slot, from one unit-interval point per slot. */
    public Object[] fromUnits(double[] units) {
        Object[] values = new Object[slots.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = slots.get(i).distribution().fromUnit(units[i]);
        }
        return values;
    }

    /** Whether each slot applies, given one value per slot (only the parents' values matter). */
    public boolean[] active(Object[] values) {
        boolean[] active = new boolean[slots.size()];
        for (int i = 0; i < active.length; i++) {
            active[i] = applies(i, values);
        }
        return active;
    }

    /** The params of the candidate with these slot values: the slots that apply, per-layer widths joined. */
    public SortedMap<String, Object> params(Object[] values) {
        SortedMap<String, Object> params = new TreeMap<>();
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (!applies(i, values)) {
                continue;
            }
            if (slot.layer() >= 0) {
                widths.add((Integer) values[i]);
            } else {
                params.put(slot.hp().specName(), values[i]);
            }
        }
        if (!widths.isEmpty()) {
            params.put(HyperParameter.NEURONS_PER_LAYER.specName(), LayerWidths.format(widths));
        }
        return params;
    }

    /** Each slot's unit-interval point for a candidate's params; NaN where the candidate holds no value. */
    public double[] toUnits(Map<String, Object> params) {
        Object[] values = values(params);
        double[] units = new double[slots.size()];
        for (int i = 0; i < units.length; i++) {
            units[i] =
                    values[i] == null ? Double.NaN : slots.get(i).distribution().toUnit(values[i]);
        }
        return units;
    }

    /** Each slot's value in a candidate's params (a layer's width for a per-layer slot); null where it holds none. */
    public Object[] values(Map<String, Object> params) {
        Object[] values = new Object[slots.size()];
        Object perLayer = params.get(HyperParameter.NEURONS_PER_LAYER.specName());
        List<Integer> widths = perLayer == null ? List.of() : LayerWidths.parse(perLayer.toString());
        for (int i = 0; i < values.length; i++) {
            Slot slot = slots.get(i);
            values[i] = slot.layer() < 0
                    ? params.get(slot.hp().specName())
                    : slot.layer() < widths.size() ? widths.get(slot.layer()) : null;
        }
        return values;
    }

    /**
     * Number of distinct candidates a grid with {@code points} values per continuous range has: the product of the
     * slots' value counts, where a slot that does not apply counts once. {@link Long#MAX_VALUE} if larger.
     */
    public long gridSize(int points) {
        return countFrom(0, new Object[slots.size()], points);
    }

    /** Every grid point, as slot values (null where a slot does not apply), in a fixed order. */
    public List<Object[]> grid(int points) {
        if (gridSize(points) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid too large to enumerate");
        }
        List<Object[]> grid = new ArrayList<>();
        enumerate(0, new Object[slots.size()], points, grid);
        return Collections.unmodifiableList(grid);
    }

    private long countFrom(int index, Object[] values, int points) {
        if (index == firstChild) {
            long product = 1;
            for (int i = firstChild; i < slots.size(); i++) {
                product = applies(i, values)
                        ? saturatingMultiply(
                                product, slots.get(i).distribution().gridSize(points))
                        : product;
            }
            return product;
        }
        long total = 0;
        for (Object value : slots.get(index).distribution().gridValues(points)) {
            values[index] = value;
            total = saturatingAdd(total, countFrom(index + 1, values, points));
        }
        values[index] = null;
        return total;
    }

    private void enumerate(int index, Object[] values, int points, List<Object[]> out) {
        if (index == slots.size()) {
            out.add(values.clone());
            return;
        }
        if (!applies(index, values)) {
            values[index] = null;
            enumerate(index + 1, values, points, out);
            return;
        }
        for (Object value : slots.get(index).distribution().gridValues(points)) {
            values[index] = value;
            enumerate(index + 1, values, points, out);
        }
        values[index] = null;
    }

    private boolean applies(int index, Object[] values) {
        Slot slot = slots.get(index);
        if (slot.layer() >= 0 && slot.layer() >= ((Number) parentValue(HyperParameter.N_HIDDEN, values)).intValue()) {
            return false;
        }
        return Conditions.of(slot.hp())
                .map(condition -> condition.appliesWhen(parentValue(condition.parent(), values)))
                .orElse(true);
    }

    /** The value of a parent hyperparameter: its slot's (parents precede children), else its default. */
    private Object parentValue(HyperParameter parent, Object[] values) {
        for (int i = 0; i < firstChild; i++) {
            if (slots.get(i).hp() == parent) {
                return values[i];
            }
        }
        return space.dimensions().containsKey(parent) ? null : parent.defaultValue();
    }

    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
