package io.sparktune.worker.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads the IDX format of MNIST / Fashion-MNIST (gzipped or not): an images file (magic 2051, n × rows × cols
 * unsigned bytes) and a labels file (magic 2049, n unsigned bytes). Pixels are scaled to [0,1]. Corrupt input fails
 * with an {@link InvalidDataException} naming the file and each problem, before any training starts.
 */
public final class IdxReader {
    private static final int IMAGES_MAGIC = 2051;
    private static final int LABELS_MAGIC = 2049;

    private IdxReader() {}

    /** Reads the first {@code limit} examples (all if {@code limit} is 0) of local files. */
    public static LabeledData read(Path images, Path labels, int limit) throws IOException {
        return read(images.toString(), labels.toString(), limit);
    }

    /** Reads the first {@code limit} examples (all if {@code limit} is 0) of any location {@link HadoopFiles} reads. */
    public static LabeledData read(String images, String labels, int limit) throws IOException {
        try (DataInputStream imageIn = new DataInputStream(HadoopFiles.open(images));
                DataInputStream labelIn = new DataInputStream(HadoopFiles.open(labels))) {
            DataProblems problems = new DataProblems();
            int imageCount = readHeader(imageIn, images, IMAGES_MAGIC, problems);
            int rows = 0;
            int cols = 0;
            if (imageCount > 0) {
                try {
                    rows = imageIn.readInt();
                    cols = imageIn.readInt();
                } catch (EOFException e) {
                    problems.add(images + ": truncated header");
                    imageCount = 0;
                }
            }
            int labelCount = readHeader(labelIn, labels, LABELS_MAGIC, problems);
            if (imageCount > 0 && labelCount > 0 && imageCount != labelCount) {
                problems.add(labels + ": " + labelCount + " labels for " + imageCount + " images in " + images);
            }
            if (imageCount > 0 && (rows <= 0 || cols <= 0 || (long) rows * cols > 1 << 20)) {
                problems.add(images + ": implausible image size " + rows + "x" + cols);
            }
            problems.throwIfAny();
            int n = limit > 0 ? Math.min(limit, imageCount) : imageCount;
            int pixels = rows * cols;
            float[] features = new float[Math.multiplyExact(n, pixels)];
            byte[] buffer = new byte[pixels];
            int[] classes = new int[n];
            int numClasses = 0;
            for (int i = 0; i < n; i++) {
                readFully(imageIn, buffer, images, i, n);
                for (int j = 0; j < pixels; j++) {
                    features[i * pixels + j] = (buffer[j] & 0xFF) / 255f;
                }
                int label = labelIn.read();
                if (label < 0) {
                    throw new InvalidDataException(List.of(labels + ": truncated after " + i + " of " + n + " labels"));
                }
                classes[i] = label;
                numClasses = Math.max(numClasses, label + 1);
            }
            List<String> classNames =
                    IntStream.range(0, numClasses).mapToObj(String::valueOf).toList();
            LabeledData data = LabeledData.classification(features, n, pixels, classes, classNames);
            int[] counts = data.classCounts();
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] == 0) {
                    problems.add(
                            labels + ": class " + c + " has no examples (labels go up to " + (numClasses - 1) + ")");
                }
            }
            problems.throwIfAny();
            return data;
        }
    }

    /** The header's item count, or 0 after adding a problem (wrong magic number, no items, too short). */
    private static int readHeader(DataInputStream in, String file, int expectedMagic, DataProblems problems)
            throws IOException {
        try {
            int magic = in.readInt();
            if (magic != expectedMagic) {
                problems.add(file + ": not an IDX " + (expectedMagic == IMAGES_MAGIC ? "images" : "labels")
                        + " file (magic number " + magic + ", expected " + expectedMagic + ")");
                return 0;
            }
            int count = in.readInt();
            if (count <= 0) {
                problems.add(file + ": header says " + count + " items");
                return 0;
            }
            return count;
        } catch (EOFException e) {
            problems.add(file + ": truncated header");
            return 0;
        }
    }

    private static void readFully(DataInputStream in, byte[] buffer, String file, int index, int total)
            throws IOException {
        try {
            in.readFully(buffer);
        } catch (EOFException e) {
            throw new InvalidDataException(List.of(file + ": truncated after " + index + " of " + total + " images"));
        }
    }
}
