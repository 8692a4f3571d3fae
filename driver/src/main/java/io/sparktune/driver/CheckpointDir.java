package io.sparktune.driver;

import io.sparktune.results.RunFiles;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.worker.data.HadoopFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a search that checkpoints (asha, median) keeps its checkpoints, on any Hadoop filesystem: the command line's
 * {@code --checkpoint-dir}, else the one a resumed search recorded, else {@code search.checkpoint_dir}, else
 * {@code DIR/checkpoints} under {@code --out}. Executors on other hosts cannot see a driver-local directory, so on a
 * master whose executors may run elsewhere a plain path is refused before anything starts; an explicit {@code file:}
 * URI is taken as the user's word that every host mounts it.
 */
public final class CheckpointDir {
    /** The default directory's name under {@code --out}. */
    public static final String DEFAULT_NAME = "checkpoints";
    /** A URI scheme of two or more characters (a Windows drive letter is not one), as data locations are read. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

    private CheckpointDir() {}

    /** True if {@code spec}'s scheduler saves checkpoints between a trial's segments. */
    public static boolean usedBy(SearchSpec spec) {
        return switch (spec.search().scheduler().kind()) {
            case FIFO -> false;
            case ASHA, MEDIAN -> true;
        };
    }

    /** The location as given (not yet qualified): {@code option} (null if not given), recorded, spec, default. */
    public static String requested(String option, SearchSpec spec, Path runDir) throws IOException {
        if (option != null) {
            return option;
        }
        Optional<String> recorded = RunFiles.checkpointDir(runDir);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        String fromSpec = spec.search().checkpointDir();
        return fromSpec != null ? fromSpec : runDir.resolve(DEFAULT_NAME).toString();
    }

    /** Why {@code location} cannot hold the checkpoints of a search on {@code master}, or empty if it can. */
    public static Optional<String> refusal(String master, String location) {
        if (SparkConfs.isOnThisMachine(master) || SCHEME.matcher(location).matches()) {
            return Optional.empty();
        }
        return Optional.of("checkpoint directory " + location + " is a path on the driver's disk, but executors of "
                + "master " + master + " may run on other hosts: give --checkpoint-dir or search.checkpoint_dir as a "
                + "shared filesystem's URI (hdfs://..., s3a://..., or file:///... for a directory every host mounts)");
    }

    /**
     * {@code location} qualified with the job's Hadoop configuration (so after the Spark context started), and
     * recorded in {@code runDir} for a resume; refuses one that differs from the directory the search recorded.
     */
    public static String settle(String location, Path runDir) throws IOException {
        String qualified = HadoopFiles.qualify(location);
        Optional<String> recorded = RunFiles.checkpointDir(runDir);
        if (recorded.isPresent() && !recorded.get().equals(qualified)) {
            throw new IOException("refusing to resume " + runDir + ": its checkpoints are in " + recorded.get()
                    + ", not " + qualified + " (leave out --checkpoint-dir)");
        }
        if (recorded.isEmpty()) {
            RunFiles.recordCheckpointDir(runDir, qualified);
        }
        return qualified;
    }
}
