package io.sparktune.space.searchspec;

import static io.sparktune.space.searchspec.NodeReader.describe;
import static io.sparktune.space.searchspec.NodeReader.orList;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.distribution.Fixed;
import io.sparktune.space.distribution.IntLog;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.LogUniform;
import io.sparktune.space.distribution.Uniform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code space} section: hyperparameter name → distribution, written {@code {int: [lo, hi]}},
 * {@code {intlog: [lo, hi]}}, {@code {uniform: [lo, hi]}}, {@code {loguniform: [lo, hi]}},
 * {@code {choice: [a, b, ...]}} (optionally with {@code weights: [wa, wb, ...]}), {@code {fixed: v}} or a plain value.
 * Every value a distribution can produce must be acceptable to its hyperparameter; {@link SpaceChecks} then checks
 * the hyperparameters against each other.
 */
final class DistributionReader {
    static final List<String> KEYWORDS = List.of("int", "intlog", "uniform", "loguniform", "choice", "fixed");
    static final String WEIGHTS = "weights";
    static final List<String> HYPERPARAMETERS =
            Arrays.stream(HyperParameter.values()).map(HyperParameter::specName).toList();

    private static final String SPACE = "space";

    private final NodeReader nodes;
    private final Problems problems;

    DistributionReader(NodeReader nodes, Problems problems) {
        this.nodes = nodes;
        this.problems = problems;
    }

    /** The space under {@code root}; null if it has problems (all of them recorded). */
    SearchSpace readSpace(JsonNode root) {
        JsonNode space = nodes.section(root, "", SPACE, true, HYPERPARAMETERS);
        if (space == null) {
            return null;
        }
        if (space.isEmpty()) {
            problems.add(SPACE, "must name at least one hyperparameter (" + String.join(", ", HYPERPARAMETERS) + ")");
            return null;
        }
        Map<HyperParameter, Distribution> dimensions = new EnumMap<>(HyperParameter.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = space.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            // unknown names were reported by section()
            HyperParameter.bySpecName(entry.getKey()).ifPresent(hp -> {
                Distribution distribution = read(hp, entry.getValue(), NodeReader.join(SPACE, entry.getKey()));
                if (distribution != null) {
                    dimensions.put(hp, distribution);
                }
            });
        }
        if (dimensions.size() != space.size()) {
            return null;
        }
        SearchSpace result = SearchSpace.of(dimensions);
        return new SpaceChecks(problems).check(result) ? result : null;
    }

    private Distribution read(HyperParameter hp, JsonNode node, String path) {
        int before = problems.size();
        Distribution distribution;
        if (node.isObject()) {
            distribution = readKeyed(hp, node, path);
        } else if (node.isValueNode() && !node.isNull()) {
            distribution = fixed(hp, node, path);
        } else {
            problems.add(
                    path,
                    "must be a distribution such as {uniform: [low, high]} or a single value (got " + describe(node)
                            + ")");
            distribution = null;
        }
        return problems.size() == before ? distribution : null;
    }

    private Distribution readKeyed(HyperParameter hp, JsonNode node, String path) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        JsonNode weights = node.get(WEIGHTS);
        if (weights != null) {
            keys.remove(WEIGHTS);
            if (keys.size() == 1 && !keys.get(0).equals("choice")) {
                problems.add(NodeReader.join(path, WEIGHTS), "only allowed with choice");
                return null;
            }
        }
        if (keys.size() != 1) {
            problems.add(
                    path,
                    "must have exactly one of the keys " + orList(KEYWORDS) + " (got "
                            + (keys.isEmpty() ? "none" : String.join(", ", keys)) + ")");
            return null;
        }
        String keyword = keys.get(0);
        String at = NodeReader.join(path, keyword);
        JsonNode argument = node.get(keyword);
        if (!KEYWORDS.contains(keyword)) {
            nodes.unknownKey(at, keyword, KEYWORDS);
            return null;
        }
        List<String> allowed = keywordsFor(hp.valueKind());
        if (!allowed.contains(keyword)) {
            problems.add(
                    at,
                    "not allowed for " + hp.specName() + ", " + kindName(hp.valueKind()) + " (use " + orList(allowed)
                            + ")");
            return null;
        }
        switch (keyword) {
            case "int":
                return intRange(hp, argument, at, false);
            case "intlog":
                return intRange(hp, argument, at, true);
            case "uniform":
                return realRange(hp, argument, at, false);
            case "loguniform":
                return realRange(hp, argument, at, true);
            case "choice":
                return choice(hp, argument, at, weights, NodeReader.join(path, WEIGHTS));
            default:
                return fixed(hp, argument, at);
        }
    }

    private Distribution intRange(HyperParameter hp, JsonNode argument, String path, boolean logarithmic) {
        if (!isPair(argument, path)) {
            return null;
        }
        Integer low = nodes.integer(argument.get(0), path + "[0]", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Integer high = nodes.integer(argument.get(1), path + "[1]", Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (low == null || high == null) {
            return null;
        }
        boolean positiveLow = !logarithmic || low >= 1;
        if (!positiveLow) {
            problems.add(path, "low must be ≥ 1 (got " + low + ")");
        }
        checkOrder(low > high, argument, path);
        if (positiveLow) {
            checkValue(hp, "low ", low, path);
        }
        checkValue(hp, "high ", high, path);
        if (low > high || !positiveLow) {
            return null;
        }
        return logarithmic ? new IntLog(low, high) : new IntRange(low, high);
    }

    private Distribution realRange(HyperParameter hp, JsonNode argument, String path, boolean logarithmic) {
        if (!isPair(argument, path)) {
            return null;
        }
        Double low = nodes.real(argument.get(0), path + "[0]");
        Double high = nodes.real(argument.get(1), path + "[1]");
        if (low == null || high == null) {
            return null;
        }
        boolean positiveLow = !logarithmic || low > 0;
        if (!positiveLow) {
            problems.add(path, "low must be > 0 (got " + describe(argument.get(0)) + ")");
        }
        checkOrder(low > high, argument, path);
        if (positiveLow) {
            checkValue(hp, "low ", low, path);
        }
        checkValue(hp, "high ", high, path);
        // read() drops the result when a problem was recorded; the guards only keep the constructors from throwing
        return logarithmic
                ? (positiveLow && low <= high ? new LogUniform(low, high) : null)
                : (low <= high ? new Uniform(low, high) : null);
    }

    private Choice choice(HyperParameter hp, JsonNode argument, String path, JsonNode weights, String weightsPath) {
        if (!argument.isArray() || argument.isEmpty()) {
            problems.add(path, "must be a non-empty list of values (got " + describe(argument) + ")");
            return null;
        }
        List<Object> values = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < argument.size(); i++) {
            String at = path + "[" + i + "]";
            Object value = nodes.scalar(argument.get(i), at);
            if (value != null) {
                checkValue(hp, "", value, at);
                Object normalized = hp.normalize(value);
                if (!seen.add(normalized)) {
                    problems.add(at, "duplicate value " + describe(argument.get(i)));
                }
                values.add(normalized);
            }
        }
        List<Double> shares = weights == null ? null : weights(weights, weightsPath, argument.size());
        if (values.size() != argument.size() || (weights != null && shares == null)) {
            return null;
        }
        return shares == null ? new Choice(values) : new Choice(values, shares);
    }

    /** One finite weight > 0 per value; null (and problems) otherwise. */
    private List<Double> weights(JsonNode weights, String path, int count) {
        if (!weights.isArray() || weights.size() != count) {
            problems.add(
                    path,
                    "must be a list of " + count + " numbers, one per value (got "
                            + (weights.isArray() ? String.valueOf(weights.size()) : describe(weights)) + ")");
            return null;
        }
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String at = path + "[" + i + "]";
            Double w = nodes.real(weights.get(i), at);
            if (w != null && w <= 0) {
                problems.add(at, "must be > 0 (got " + describe(weights.get(i)) + ")");
            } else if (w != null) {
                shares.add(w);
            }
        }
        return shares.size() == count ? shares : null;
    }

    private Fixed fixed(HyperParameter hp, JsonNode argument, String path) {
        Object value = nodes.scalar(argument, path);
        if (value == null) {
            return null;
        }
        checkValue(hp, "", value, path);
        return new Fixed(hp.normalize(value));
    }

    private boolean isPair(JsonNode argument, String path) {
        if (!argument.isArray() || argument.size() != 2) {
            problems.add(path, "must be a list [low, high] (got " + describe(argument) + ")");
            return false;
        }
        return true;
    }

    private void checkOrder(boolean lowAboveHigh, JsonNode pair, String path) {
        if (lowAboveHigh) {
            problems.add(
                    path, "low must be ≤ high (got " + describe(pair.get(0)) + " > " + describe(pair.get(1)) + ")");
        }
    }

    private void checkValue(HyperParameter hp, String label, Object value, String path) {
        String problem = hp.problemWith(value);
        if (problem != null) {
            problems.add(path, label + problem);
        }
    }

    private static List<String> keywordsFor(HyperParameter.Kind kind) {
        switch (kind) {
            case INT:
                return List.of("int", "intlog", "choice", "fixed");
            case REAL:
                return List.of("uniform", "loguniform", "choice", "fixed");
            default:
                return List.of("choice", "fixed");
        }
    }

    private static String kindName(HyperParameter.Kind kind) {
        switch (kind) {
            case INT:
                return "an integer hyperparameter";
            case REAL:
                return "a real-valued hyperparameter";
            default:
                return "a categorical hyperparameter";
        }
    }
}
