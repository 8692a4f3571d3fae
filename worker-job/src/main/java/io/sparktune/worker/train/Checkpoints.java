package io.sparktune.worker.train;

import io.sparktune.worker.WorkerJson;
import io.sparktune.worker.data.HadoopFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trial split's training saved between the segments of a multi-fidelity schedule: the network with its updater
 * state ({@code split-K.zip}) and the early-stopping state ({@code split-K.json}) under {@code DIR/trial-NNNN/},
 * written to a temporary name and renamed, through Hadoop's FileSystem API (a local directory or a shared one).
 */
public final class Checkpoints {
    private Checkpoints() {
    }

    /** A restored training: the network to continue and where its early stopping stood. */
    public record Restored(MultiLayerNetwork net, TrainerState state) {
    }

    public static void save(String dir, String trialId, int split, MultiLayerNetwork net, TrainerState state)
            throws IOException {
        Path model = path(dir, trialId, split, ".zip");
        FileSystem fs = model.getFileSystem(HadoopFiles.configuration());
        fs.mkdirs(model.getParent());
        // the state is written last: its presence means the checkpoint is complete
        Path modelTemp = model.suffix(".tmp");
        try (OutputStream out = fs.create(modelTemp, true)) {
            ModelSerializer.writeModel(net, out, true);
        }
        rename(fs, modelTemp, model);
        Path stateFile = path(dir, trialId, split, ".json");
        Path stateTemp = stateFile.suffix(".tmp");
        try (OutputStream out = fs.create(stateTemp, true)) {
            out.write(WorkerJson.write(state).getBytes(StandardCharsets.UTF_8));
        }
        rename(fs, stateTemp, stateFile);
    }

    /** The checkpoint of this split, or empty if the trial has none (it starts from scratch). */
    public static Optional<Restored> load(String dir, String trialId, int split) throws IOException {
        Path stateFile = path(dir, trialId, split, ".json");
        FileSystem fs = stateFile.getFileSystem(HadoopFiles.configuration());
        if (!fs.exists(stateFile)) {
            return Optional.empty();
        }
        TrainerState state;
        try (InputStream in = fs.open(stateFile)) {
            state = WorkerJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), TrainerState.class);
        }
        try (InputStream in = fs.open(path(dir, trialId, split, ".zip"))) {
            return Optional.of(new Restored(ModelSerializer.restoreMultiLayerNetwork(in, true), state));
        }
    }

    private static Path path(String dir, String trialId, int split, String extension) {
        return new Path(new Path(new Path(dir), trialId), "split-" + split + extension);
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        fs.delete(to, false);
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }
}
