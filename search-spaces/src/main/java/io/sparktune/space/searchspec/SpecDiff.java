package io.sparktune.space.searchspec;

import io.sparktune.space.HyperParameter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** What differs between two specs, field by field, named by spec path: {@code search.n_iter: 10 → 12}. */
public final class SpecDiff {
    private SpecDiff() {}

    /** One line per changed field, or an empty list if the specs search the same thing the same way. */
    public static List<String> between(SearchSpec before, SearchSpec after) {
        List<String> changes = new ArrayList<>();
        diff("", before, after, changes);
        return changes;
    }

    private static void diff(String path, Object before, Object after, List<String> changes) {
        Object a = unwrap(before);
        Object b = unwrap(after);
        if (Objects.equals(a, b)) {
            return;
        }
        if (a != null
                && b != null
                && a.getClass().isRecord()
                && a.getClass() == b.getClass()
                && !(a instanceof io.sparktune.space.distribution.Distribution)) {
            for (RecordComponent component : a.getClass().getRecordComponents()) {
                diff(join(path, snakeCase(component.getName())), read(component, a), read(component, b), changes);
            }
        } else if (a instanceof Map<?, ?> mapA && b instanceof Map<?, ?> mapB) {
            TreeSet<String> keys = new TreeSet<>();
            mapA.keySet().forEach(k -> keys.add(key(k)));
            mapB.keySet().forEach(k -> keys.add(key(k)));
            // the space's map sits in SearchSpace.dimensions; the spec writes its keys directly under space
            String parent =
                    path.endsWith(".dimensions") ? path.substring(0, path.length() - ".dimensions".length()) : path;
            for (String key : keys) {
                diff(join(parent, key), find(mapA, key), find(mapB, key), changes);
            }
        } else {
            changes.add(path + ": " + show(a) + " → " + show(b));
        }
    }

    private static Object find(Map<?, ?> map, String key) {
        return map.entrySet().stream()
                .filter(e -> key(e.getKey()).equals(key))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String key(Object key) {
        return key instanceof HyperParameter hp ? hp.specName() : String.valueOf(key);
    }

    private static Object unwrap(Object value) {
        if (value instanceof SearchSettings search) {
            return FlatSearch.of(search);
        }
        return value instanceof Optional<?> optional ? optional.orElse(null) : value;
    }

    /**
     * The search settings as resume messages have always named them: the sampler's name, then its options
     * ({@code search.sampler_options.grid_points}), and the scheduler's name and options
     * ({@code search.scheduler.min_epochs}), each option at its default where the sampler or scheduler has none.
     */
    private record FlatSearch(
            SamplerKind sampler,
            int nIter,
            int cv,
            double validationSplit,
            long seed,
            Scoring scoring,
            SamplerOptions samplerOptions,
            SearchBudget budget,
            SchedulerOptions scheduler,
            String checkpointDir,
            int deterministicBatch) {
        static FlatSearch of(SearchSettings s) {
            return new FlatSearch(
                    s.sampler().kind(),
                    s.nIter(),
                    s.cv(),
                    s.validationSplit(),
                    s.seed(),
                    s.scoring(),
                    SamplerOptions.of(s.sampler()),
                    s.budget(),
                    SchedulerOptions.of(s.scheduler()),
                    s.checkpointDir(),
                    s.deterministicBatch());
        }
    }

    private record SamplerOptions(int gridPoints, int maxGrid, int nStartup) {
        static SamplerOptions of(SamplerSettings sampler) {
            SamplerSettings.Grid grid = sampler instanceof SamplerSettings.Grid g
                    ? g
                    : new SamplerSettings.Grid(0, SamplerSettings.Grid.DEFAULT_MAX_GRID);
            int nStartup =
                    sampler instanceof SamplerSettings.Tpe tpe ? tpe.nStartup() : SamplerSettings.Tpe.DEFAULT_N_STARTUP;
            return new SamplerOptions(grid.gridPoints(), grid.maxGrid(), nStartup);
        }
    }

    private record SchedulerOptions(
            SchedulerKind name, int minEpochs, int reductionFactor, int warmupEpochs, int minTrials) {
        static SchedulerOptions of(SchedulerSettings scheduler) {
            SchedulerSettings.Asha asha =
                    scheduler instanceof SchedulerSettings.Asha a ? a : SchedulerSettings.Asha.DEFAULTS;
            SchedulerSettings.Median median =
                    scheduler instanceof SchedulerSettings.Median m ? m : SchedulerSettings.Median.DEFAULTS;
            return new SchedulerOptions(
                    scheduler.kind(),
                    asha.minEpochs(),
                    asha.reductionFactor(),
                    median.warmupEpochs(),
                    median.minTrials());
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static String show(Object value) {
        return value == null
                ? "(none)"
                : value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : value.toString();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
