package io.sparktune.worker.data;

import io.sparktune.space.searchspec.SearchSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The driver's check of a spec's training data before any Spark job: reads it as the executors will (through
 * {@link HadoopFiles}, at most {@code data.limit} examples) and reports every problem, one line each naming the file:
 * what the readers find (IDX magic numbers, counts, truncation; CSV label column, bad cells, empty files) and, for
 * classification, classes with fewer examples than cross-validation folds. Without it a bad file makes every trial
 * fail on the executors, which still guard by reading the same way.
 */
public final class DataChecks {

    /** What a check found: the data if it could be read, and every problem (none: the data can be trained on). */
    public record Result(Optional<LabeledData> data, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private DataChecks() {}

    /** The training data a search of {@code spec} reads: {@code data.train}, at most {@code data.limit} examples. */
    public static DataRef trainingData(SearchSpec spec) {
        return DataRef.of(
                spec.data(),
                spec.data().train(),
                spec.task(),
                spec.data().limit().orElse(0));
    }

    /**
     * Checks {@code spec}'s training data. With {@code cache} the data is read through this JVM's {@link DataCache}
     * (worth it when this JVM also trains, as in a {@code local[N]} search); without, it is read and let go.
     */
    public static Result check(SearchSpec spec, boolean cache) {
        DataRef ref = trainingData(spec);
        Result read = read(ref, "data.train", cache);
        return read.data()
                .map(data -> new Result(
                        read.data(),
                        classProblems(data, describe(ref), spec.search().cv())))
                .orElse(read);
    }

    /**
     * Checks {@code spec}'s test data ({@code data.test}, read by retrain and evaluate, never by a search) as the
     * readers do; empty if the spec names none.
     */
    public static Optional<Result> checkTest(SearchSpec spec) {
        return spec.data()
                .test()
                .map(files -> read(DataRef.of(spec.data(), files, spec.task(), 0), "data.test", false));
    }

    /** Checks as {@link #check} does and throws every problem found, if any. */
    public static void requireValid(SearchSpec spec, boolean cache) throws InvalidDataException {
        Result result = check(spec, cache);
        if (!result.valid()) {
            throw new InvalidDataException(result.problems());
        }
    }

    private static Result read(DataRef ref, String field, boolean cache) {
        try {
            return new Result(Optional.of(cache ? DataCache.load(ref) : ref.read()), List.of());
        } catch (InvalidDataException e) {
            return new Result(Optional.empty(), e.problems());
        } catch (IOException e) {
            return new Result(Optional.empty(), List.of(field + ": " + e.getMessage()));
        }
    }

    /** Classes with fewer examples than the {@code folds} of cross-validation (0: a hold-out split) need. */
    private static List<String> classProblems(LabeledData data, String file, int folds) {
        List<String> problems = new ArrayList<>();
        if (data.isRegression() || folds < 2) {
            return problems;
        }
        int[] counts = data.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < folds) {
                problems.add(file + ": class '" + data.classNames().get(c) + "' has " + counts[c]
                        + " example(s), fewer than the " + folds + " cross-validation folds");
            }
        }
        return problems;
    }

    private static String describe(DataRef ref) {
        return ref.path() != null ? ref.path() : ref.labels();
    }
}
