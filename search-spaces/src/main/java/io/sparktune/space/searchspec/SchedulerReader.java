package io.sparktune.space.searchspec;

import static io.sparktune.space.searchspec.NodeReader.child;
import static io.sparktune.space.searchspec.NodeReader.join;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads {@code search.scheduler} and the options of the scheduler it names ({@code search.asha},
 * {@code search.median}).
 */
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
        String read = nameNode == null ? null : nodes.oneOf(nameNode, "search.scheduler", SchedulerKind.specNames());
        SchedulerKind kind = read == null ? SchedulerKind.FIFO : SchedulerKind.fromSpecName(read);
        // both option sections are read whatever the scheduler, so that each of their mistakes is reported
        JsonNode asha = options(search, SchedulerKind.ASHA, ASHA_KEYS, kind);
        JsonNode median = options(search, SchedulerKind.MEDIAN, MEDIAN_KEYS, kind);
        SchedulerSettings.Asha ashaDefaults = SchedulerSettings.Asha.DEFAULTS;
        SchedulerSettings.Median medianDefaults = SchedulerSettings.Median.DEFAULTS;
        int minEpochs = intOr(asha, "search.asha", "min_epochs", 1, ashaDefaults.minEpochs());
        int reductionFactor = intOr(asha, "search.asha", "reduction_factor", 2, ashaDefaults.reductionFactor());
        int warmupEpochs = intOr(median, "search.median", "warmup_epochs", 1, medianDefaults.warmupEpochs());
        int minTrials = intOr(median, "search.median", "min_trials", 1, medianDefaults.minTrials());
        return switch (kind) {
            case FIFO -> new SchedulerSettings.Fifo();
            case ASHA -> new SchedulerSettings.Asha(minEpochs, reductionFactor);
            case MEDIAN -> new SchedulerSettings.Median(warmupEpochs, minTrials);
        };
    }

    /** The options section named like {@code scheduler}, or null; a problem if another scheduler is in use. */
    private JsonNode options(JsonNode search, SchedulerKind scheduler, List<String> keys, SchedulerKind chosen) {
        String name = scheduler.specName();
        JsonNode section = nodes.section(search, "search", name, false, keys);
        if (section == null || section.isMissingNode()) {
            return null;
        }
        if (scheduler != chosen) {
            problems.add(join("search", name), "only used by scheduler " + name);
        }
        return section;
    }

    private int intOr(JsonNode section, String path, String key, int min, int defaultValue) {
        JsonNode node = section == null ? null : child(section, key);
        Integer value = node == null ? null : nodes.integer(node, join(path, key), min, SchedulerSettings.MAX_OPTION);
        return value == null ? defaultValue : value;
    }
}
