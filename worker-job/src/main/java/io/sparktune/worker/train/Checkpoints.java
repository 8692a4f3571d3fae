package io.sparktune.worker.train;

import io.sparktune.records.WorkerJson;
import io.sparktune.worker.data.HadoopFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trial split's training saved between the segments of a multi-fidelity schedule, under {@code DIR/trial-NNNN/},
 * through Hadoop's FileSystem API (a local directory or a shared one: HDFS, S3A). Each save is a generation named
 * by the epochs trained: the network with its updater state ({@code split-K-e0006.zip}), then the early-stopping
 * state ({@code split-K-e0006.json}, written under a temporary name and renamed), whose presence marks the
 * generation complete. Loading takes the newest complete generation; older ones are deleted only after a newer one
 * is complete, so a complete checkpoint exists at every moment (an HDFS rename does not overwrite, and
 * delete-then-rename would leave a window).
 */
public final class Checkpoints {
    private static final String TRIAL_PREFIX = "trial-";

    private Checkpoints() {}

    /** A restored training: the network to continue and where its early stopping stood. */
    public record Restored(MultiLayerNetwork net, TrainerState state) {}

    public static void save(String dir, String trialId, int split, MultiLayerNetwork net, TrainerState state)
            throws IOException {
        Path trialDir = trialDir(dir, trialId);
        FileSystem fs = trialDir.getFileSystem(HadoopFiles.configuration());
        Path stateFile = generation(trialDir, split, state.epochs(), ".json");
        if (!fs.exists(stateFile)) { // else an earlier attempt of this task saved the same generation
            fs.mkdirs(trialDir);
            try (OutputStream out = fs.create(generation(trialDir, split, state.epochs(), ".zip"), true)) {
                ModelSerializer.writeModel(net, out, true);
            }
            Path stateTemp = stateFile.suffix(".tmp");
            try (OutputStream out = fs.create(stateTemp, true)) {
                out.write(WorkerJson.write(state).getBytes(StandardCharsets.UTF_8));
            }
            if (!fs.rename(stateTemp, stateFile)) {
                throw new IOException("could not rename " + stateTemp + " to " + stateFile);
            }
        }
        for (int older : generations(fs, trialDir, split)) {
            if (older < state.epochs()) {
                // the mark first: a generation without it is incomplete, never loaded
                fs.delete(generation(trialDir, split, older, ".json"), false);
                fs.delete(generation(trialDir, split, older, ".zip"), false);
            }
        }
    }

    /** The newest complete checkpoint of this split, or empty if the trial has none. */
    public static Optional<Restored> load(String dir, String trialId, int split) throws IOException {
        Path trialDir = trialDir(dir, trialId);
        FileSystem fs = trialDir.getFileSystem(HadoopFiles.configuration());
        List<Integer> complete = generations(fs, trialDir, split);
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        int epochs = complete.get(complete.size() - 1);
        TrainerState state;
        try (InputStream in = fs.open(generation(trialDir, split, epochs, ".json"))) {
            state = WorkerJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), TrainerState.class);
        }
        try (InputStream in = fs.open(generation(trialDir, split, epochs, ".zip"))) {
            return Optional.of(new Restored(ModelSerializer.restoreMultiLayerNetwork(in, true), state));
        }
    }

    /** Where this split's checkpoints are, for messages: {@code DIR/trial-NNNN/split-K-e*}. */
    public static String location(String dir, String trialId, int split) {
        return new Path(trialDir(dir, trialId), "split-" + split + "-e*").toString();
    }

    /** Deletes the checkpoints of one trial (all its splits); nothing if it has none. */
    public static void deleteTrial(String dir, String trialId) throws IOException {
        Path trialDir = trialDir(dir, trialId);
        trialDir.getFileSystem(HadoopFiles.configuration()).delete(trialDir, true);
    }

    /**
     * Deletes every trial's checkpoints under {@code dir}, then {@code dir} itself if nothing else is in it (it may be
     * a directory the user shares with other things).
     */
    public static void deleteAll(String dir) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem(HadoopFiles.configuration());
        FileStatus[] entries;
        try {
            entries = fs.listStatus(root);
        } catch (FileNotFoundException e) {
            return;
        }
        for (FileStatus entry : entries) {
            if (entry.isDirectory() && entry.getPath().getName().startsWith(TRIAL_PREFIX)) {
                fs.delete(entry.getPath(), true);
            }
        }
        if (fs.listStatus(root).length == 0) {
            fs.delete(root, false);
        }
    }

    /** The epochs of this split's complete generations, oldest first. */
    private static List<Integer> generations(FileSystem fs, Path trialDir, int split) throws IOException {
        Pattern complete = Pattern.compile("split-" + split + "-e([0-9]+)\\.json");
        FileStatus[] files;
        try {
            files = fs.listStatus(trialDir);
        } catch (FileNotFoundException e) {
            return List.of();
        }
        return Arrays.stream(files)
                .map(f -> complete.matcher(f.getPath().getName()))
                .filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1)))
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static Path trialDir(String dir, String trialId) {
        return new Path(new Path(dir), trialId);
    }

    private static Path generation(Path trialDir, int split, int epochs, String extension) {
        return new Path(trialDir, "split-%d-e%04d%s".formatted(split, epochs, extension));
    }
}
