package io.sparktune.space.searchspec;

import static io.sparktune.space.searchspec.NodeReader.child;
import static io.sparktune.space.searchspec.NodeReader.describe;
import static io.sparktune.space.searchspec.NodeReader.join;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.space.SearchSpace;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** Walks a spec tree section by section, recording every problem, and builds the spec if there are none. */
final class SpecReader {
    static final List<String> TOP_KEYS = List.of("name", "task", "data", "search", "space", "training");
    static final List<String> DATA_KEYS =
            List.of("format", "train", "test", "limit", "label", "skip_rows", "standardize");
    static final List<String> IDX_FILES_KEYS = List.of("images", "labels");
    static final List<String> CSV_FILES_KEYS = List.of("path");
    static final List<String> SEARCH_KEYS = List.of(
            "sampler",
            "n_iter",
            "cv",
            "validation_split",
            "seed",
            "scoring",
            "budget",
            "scheduler",
            "asha",
            "median",
            "grid_points",
            "max_grid",
            "n_startup",
            "checkpoint_dir",
            "deterministic",
            "deterministic_batch");
    static final List<String> BUDGET_KEYS = List.of("max_seconds", "target_score");
    static final List<String> TRAINING_KEYS =
            List.of("max_epochs", "patience", "batch_size", "loss", "huber_delta", "min_delta", "max_trial_seconds");

    static final long DEFAULT_SEED = 0L;
    static final TrainingSettings DEFAULT_TRAINING = new TrainingSettings(20, 2, 32);

    private final Problems problems = new Problems();
    private final NodeReader nodes = new NodeReader(problems);

    /** The spec in {@code root} (a mapping), or a {@link SpecException} listing all its problems. */
    SearchSpec read(JsonNode root) throws SpecException {
        nodes.checkKeys(root, "", TOP_KEYS);
        JsonNode nameNode = nodes.required(root, "", "name");
        String name = nameNode == null ? null : nodes.string(nameNode, "name");
        Task task = enumValue(root, "", "task", Task.values(), Task::specName);
        DataSpec data = readData(nodes.section(root, "", "data", true, DATA_KEYS));
        SearchSettings search = readSearch(nodes.section(root, "", "search", true, SEARCH_KEYS), task);
        SearchSpace space = new DistributionReader(nodes, problems).readSpace(root);
        new SamplerOptionsReader(nodes, problems).checkGrid(search, space);
        TrainingSettings training = readTraining(nodes.section(root, "", "training", false, TRAINING_KEYS), task);
        if (search != null
                && training != null
                && search.scheduler() instanceof SchedulerSettings.Asha asha
                && asha.minEpochs() > training.maxEpochs()) {
            problems.add(
                    "search.asha.min_epochs",
                    "must be ≤ training.max_epochs (got " + asha.minEpochs() + " > " + training.maxEpochs() + ")");
        }
        problems.throwIfAny();
        return new SearchSpec(name, task, data, search, space, training);
    }

    private DataSpec readData(JsonNode data) {
        if (data == null) {
            return null;
        }
        DataFormat format = enumValue(data, "data", "format", DataFormat.values(), DataFormat::specName);
        boolean csv = format == DataFormat.CSV;
        DataFiles train = readFiles(data, "train", true, csv);
        DataFiles test = readFiles(data, "test", false, csv);
        JsonNode limitNode = child(data, "limit");
        Integer limit = limitNode == null ? null : nodes.integer(limitNode, "data.limit", 1, Integer.MAX_VALUE);
        JsonNode labelNode = csvOnly(data, "label", csv);
        if (csv && labelNode == null) {
            problems.add("data.label", "required for format csv (the name of the label column)");
        }
        String label = labelNode == null ? null : nodes.string(labelNode, "data.label");
        JsonNode skipNode = csvOnly(data, "skip_rows", csv);
        Integer skipRows = skipNode == null ? Integer.valueOf(0) : nodes.integer(skipNode, "data.skip_rows", 0, 1000);
        JsonNode standardizeNode = child(data, "standardize");
        Boolean standardize = standardizeNode == null
                ? Boolean.valueOf(DataSpec.STANDARDIZE_BY_DEFAULT)
                : nodes.bool(standardizeNode, "data.standardize");
        return new DataSpec(
                format,
                train,
                Optional.ofNullable(test),
                Optional.ofNullable(limit),
                Optional.ofNullable(label),
                skipRows == null ? 0 : skipRows,
                standardize != null && standardize);
    }

    /** A key only CSV data may have; a problem if another format sets it. */
    private JsonNode csvOnly(JsonNode data, String key, boolean csv) {
        JsonNode node = child(data, key);
        if (node != null && !csv) {
            problems.add(join("data", key), "only for format csv");
            return null;
        }
        return node;
    }

    private DataFiles readFiles(JsonNode data, String key, boolean required, boolean csv) {
        String path = join("data", key);
        JsonNode files = nodes.section(data, "data", key, required, csv ? CSV_FILES_KEYS : IDX_FILES_KEYS);
        if (files == null || files.isMissingNode()) {
            return null;
        }
        return csv
                ? DataFiles.csv(dataFile(files, path, "path"))
                : DataFiles.idx(dataFile(files, path, "images"), dataFile(files, path, "labels"));
    }

    private String dataFile(JsonNode files, String parentPath, String key) {
        String path = join(parentPath, key);
        JsonNode node = nodes.required(files, parentPath, key);
        String location = node == null ? null : nodes.string(node, path);
        String problem = location == null ? null : DataLocations.problemWith(location);
        if (problem != null) {
            problems.add(path, problem);
        }
        return location;
    }

    private SearchSettings readSearch(JsonNode search, Task task) {
        if (search == null) {
            return null;
        }
        JsonNode samplerNode = child(search, "sampler");
        String samplerName = samplerNode == null
                ? SamplerKind.RANDOM.specName()
                : nodes.oneOf(samplerNode, "search.sampler", SamplerKind.specNames());
        SamplerKind samplerKind = samplerName == null ? null : SamplerKind.fromSpecName(samplerName);
        JsonNode nIterNode = nodes.required(search, "search", "n_iter");
        Integer nIter = nIterNode == null ? null : nodes.integer(nIterNode, "search.n_iter", 1, 100_000);

        JsonNode cvNode = child(search, "cv");
        JsonNode splitNode = child(search, "validation_split");
        if (cvNode != null && splitNode != null) {
            problems.add("search", "set either cv or validation_split, not both");
        }
        Integer cv = cvNode == null
                ? Integer.valueOf(splitNode == null ? SearchSettings.DEFAULT_FOLDS : 0)
                : nodes.integer(cvNode, "search.cv", 2, 50);
        Double split = splitNode == null ? Double.valueOf(0.0) : readSplit(splitNode);

        JsonNode seedNode = child(search, "seed");
        Long seed = seedNode == null ? Long.valueOf(DEFAULT_SEED) : nodes.longInteger(seedNode, "search.seed");
        Scoring scoring = forTask(
                search, "search", "scoring", task, Scoring.forTask(task), Scoring::specName, Scoring.defaultFor(task));
        SamplerSettings sampler = new SamplerOptionsReader(nodes, problems).read(search, samplerKind);
        if (sampler == null || nIter == null || cv == null || split == null || seed == null || scoring == null) {
            return null;
        }
        JsonNode checkpointNode = child(search, "checkpoint_dir");
        String checkpointDir = checkpointNode == null ? null : nodes.string(checkpointNode, "search.checkpoint_dir");
        return new SearchSettings(
                sampler,
                nIter,
                cv,
                split,
                seed,
                scoring,
                readBudget(search),
                new SchedulerReader(nodes, problems).read(search),
                checkpointDir,
                readDeterministicBatch(search));
    }

    /** {@code search.deterministic} and {@code search.deterministic_batch}: the batch size, 0 if not deterministic. */
    private int readDeterministicBatch(JsonNode search) {
        JsonNode onNode = child(search, "deterministic");
        Boolean on = onNode == null ? Boolean.FALSE : nodes.bool(onNode, "search.deterministic");
        JsonNode batchNode = child(search, "deterministic_batch");
        Integer batch = batchNode == null
                ? Integer.valueOf(SearchSettings.DEFAULT_DETERMINISTIC_BATCH)
                : nodes.integer(batchNode, "search.deterministic_batch", 1, 10_000);
        if (batchNode != null && !Boolean.TRUE.equals(on)) {
            problems.add("search.deterministic_batch", "only used with deterministic: true");
        }
        return Boolean.TRUE.equals(on) && batch != null ? batch : 0;
    }

    private SearchBudget readBudget(JsonNode search) {
        JsonNode budget = nodes.section(search, "search", "budget", false, BUDGET_KEYS);
        if (budget == null || budget.isMissingNode()) {
            return SearchBudget.NONE;
        }
        JsonNode secondsNode = child(budget, "max_seconds");
        Double seconds = secondsNode == null ? null : nodes.real(secondsNode, "search.budget.max_seconds");
        if (seconds != null && !(seconds > 0)) {
            problems.add("search.budget.max_seconds", "must be > 0 (got " + describe(secondsNode) + ")");
        }
        JsonNode targetNode = child(budget, "target_score");
        Double target = targetNode == null ? null : nodes.real(targetNode, "search.budget.target_score");
        return new SearchBudget(
                seconds == null || seconds <= 0 ? 0 : seconds,
                target == null ? OptionalDouble.empty() : OptionalDouble.of(target));
    }

    private Double readSplit(JsonNode node) {
        Double split = nodes.real(node, "search.validation_split");
        if (split != null && !(split > 0 && split < 1)) {
            problems.add("search.validation_split", "must be > 0 and < 1 (got " + describe(node) + ")");
            return null;
        }
        return split;
    }

    private TrainingSettings readTraining(JsonNode training, Task task) {
        if (training == null) {
            return null;
        }
        Loss loss =
                forTask(training, "training", "loss", task, Loss.forTask(task), Loss::specName, Loss.defaultFor(task));
        return new TrainingSettings(
                intOr(training, "max_epochs", 1, 10_000, DEFAULT_TRAINING.maxEpochs()),
                intOr(training, "patience", 0, 10_000, DEFAULT_TRAINING.patience()),
                intOr(training, "batch_size", 1, 1_000_000, DEFAULT_TRAINING.batchSize()),
                loss == null ? Loss.defaultFor(task) : loss,
                positiveOr(training, "huber_delta", false, 1.0),
                positiveOr(training, "min_delta", true, 0.0),
                positiveOr(training, "max_trial_seconds", false, 0.0));
    }

    /** An optional real number > 0 (or ≥ 0 if {@code zeroAllowed}); the default if absent or invalid. */
    private double positiveOr(JsonNode training, String key, boolean zeroAllowed, double defaultValue) {
        JsonNode node = child(training, key);
        Double value = node == null ? null : nodes.real(node, join("training", key));
        if (value != null && (zeroAllowed ? value < 0 : value <= 0)) {
            problems.add(
                    join("training", key),
                    "must be " + (zeroAllowed ? "≥ 0" : "> 0") + " (got " + describe(node) + ")");
            return defaultValue;
        }
        return value == null ? defaultValue : value;
    }

    /**
     * An optional enum value that must suit the task ({@code task} null: the task itself was invalid, so any value
     * of the enum passes here); the default if absent, null if invalid.
     */
    private <E extends Enum<E>> E forTask(
            JsonNode parent,
            String parentPath,
            String key,
            Task task,
            List<E> allowed,
            Function<E, String> specName,
            E defaultValue) {
        JsonNode node = child(parent, key);
        if (node == null || task == null) {
            return node == null ? defaultValue : null;
        }
        List<String> names = allowed.stream().map(specName).toList();
        String name = nodes.oneOf(node, join(parentPath, key), names);
        return name == null ? null : allowed.get(names.indexOf(name));
    }

    /** An optional training integer; the default if absent (or invalid: the problem is then recorded). */
    private int intOr(JsonNode training, String key, int min, int max, int defaultValue) {
        JsonNode node = child(training, key);
        Integer value = node == null ? null : nodes.integer(node, join("training", key), min, max);
        return value == null ? defaultValue : value;
    }

    /** A required enum value, written as its spec name. */
    private <E extends Enum<E>> E enumValue(
            JsonNode parent, String parentPath, String key, E[] values, Function<E, String> specName) {
        JsonNode node = nodes.required(parent, parentPath, key);
        List<String> names = Arrays.stream(values).map(specName).toList();
        String name = node == null ? null : nodes.oneOf(node, join(parentPath, key), names);
        return name == null ? null : values[names.indexOf(name)];
    }
}
