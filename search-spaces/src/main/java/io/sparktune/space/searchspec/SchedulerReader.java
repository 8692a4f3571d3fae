package io.sparktune.space.searchspec;

import static io.sparktune.space.searchspec.NodeReader.child;
import static io.sparktune.space.searchspec.NodeReader.join;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads {@code search.scheduler} and the options of the scheduler it names ({@code search.asha}, {@code search.median}). */
final class SchedulerReader {
    static final List<String> ASHA_KEYS = List.of("min_epochs", "reduction_factor");
    static final List<String> MEDIAN_KEYS = List.of("warmup_epochs", "min_trials");

    private final NodeReader nodes;
    private final Problems problems;

    SchedulerReader(NodeReader nodes, Problems problems) {
        this.nodes = nodes;
        this.problems = problems;
    }

    SchedulerSettings read(JsonNode search) {
        JsonNode nameNode = child(search, "scheduler");
        String read = nameNode == null
                ? SchedulerSettings.FIFO
                : nodes.oneOf(nameNode, "search.scheduler", SchedulerSettings.NAMES);
        String name = read == null ? SchedulerSettings.FIFO : read;
        SchedulerSettings defaults = SchedulerSettings.DEFAULT;
        JsonNode asha = options(search, SchedulerSettings.ASHA, ASHA_KEYS, name);
        JsonNode median = options(search, SchedulerSettings.MEDIAN, MEDIAN_KEYS, name);
        return new SchedulerSettings(
                name,
                intOr(asha, "search.asha", "min_epochs", 1, defaults.minEpochs()),
                intOr(asha, "search.asha", "reduction_factor", 2, defaults.reductionFactor()),
                intOr(median, "search.median", "warmup_epochs", 1, defaults.warmupEpochs()),
                intOr(median, "search.median", "min_trials", 1, defaults.minTrials()));
    }

    /** The options section named like {@code scheduler}, or null; a problem if another scheduler is in use. */
    private JsonNode options(JsonNode search, String scheduler, List<String> keys, String chosen) {
        JsonNode section = nodes.section(search, "search", scheduler, false, keys);
        if (section == null || section.isMissingNode()) {
            return null;
        }
        if (!scheduler.equals(chosen)) {
            problems.add(join("search", scheduler), "only used by scheduler " + scheduler);
        }
        return section;
    }

    private int intOr(JsonNode section, String path, String key, int min, int defaultValue) {
        JsonNode node = section == null ? null : child(section, key);
        Integer value = node == null ? null : nodes.integer(node, join(path, key), min, 10_000);
        return value == null ? defaultValue : value;
    }
}
