package io.sparktune.space.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * An Arbiter parameter space whose value is a map: name → value of one child space each.
 *
 * <p>Arbiter's contract: a generator calls {@link #collectLeaves()} on the root, gives each distinct leaf (by
 * identity) consecutive indices into the flat parameter vector through {@code setIndices}, sizes that vector with the
 * root's {@link #numParameters()}, and fills it with values in [0,1) for {@link #getValue}. So this non-leaf space only
 * passes the leaves and the vector through; {@code FixedValue} leaves take no index (0 parameters, no leaves).
 * Children must be distinct instances, which {@link UnitRandom} guarantees.
 */
@SuppressWarnings("rawtypes") // Arbiter's interface uses raw ParameterSpace in collectLeaves/getNestedSpaces
final class MapParameterSpace implements ParameterSpace<Map<String, Object>> {
    private final Map<String, ParameterSpace<?>> children;

    /** @param children in the order their values are drawn (the leaves are indexed in this order) */
    MapParameterSpace(Map<String, ParameterSpace<?>> children) {
        this.children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    @Override
    public Map<String, Object> getValue(double[] parameterValues) {
        Map<String, Object> values = new TreeMap<>();
        children.forEach((name, space) -> values.put(name, space.getValue(parameterValues)));
        return values;
    }

    @Override
    public int numParameters() {
        return children.values().stream()
                .mapToInt(ParameterSpace::numParameters)
                .sum();
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        List<ParameterSpace> leaves = new ArrayList<>();
        children.values().forEach(space -> leaves.addAll(space.collectLeaves()));
        return leaves;
    }

    @Override
    public Map<String, ParameterSpace> getNestedSpaces() {
        return Collections.unmodifiableMap(children);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("not a leaf: the generator indexes the leaves from collectLeaves()");
    }
}
