package io.sparktune.cluster;

import io.sparktune.worker.FashionMnist;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FileSystem;

/**
 * The first N examples of Fashion-MNIST's training set as the two gzipped IDX files of the original, written to any
 * Hadoop file system: small test data for HDFS and S3A that is read exactly like the real files.
 */
public final class IdxSubset {
    public static final String IMAGES = "train-images-idx3-ubyte.gz";
    public static final String LABELS = "train-labels-idx1-ubyte.gz";

    private IdxSubset() {}

    /** Writes {@code dir/IMAGES} and {@code dir/LABELS} with the first {@code count} examples. */
    public static void write(FileSystem fs, org.apache.hadoop.fs.Path dir, int count) throws IOException {
        copy(FashionMnist.trainImages(), fs, new org.apache.hadoop.fs.Path(dir, IMAGES), count);
        copy(FashionMnist.trainLabels(), fs, new org.apache.hadoop.fs.Path(dir, LABELS), count);
    }

    /** A spec's {@code data:} block (see {@link FashionMnist#specTrainData}) naming the files under {@code dirUri}. */
    public static String specData(String dirUri) {
        return "data:\n  format: idx\n  train: {images: %s/%s, labels: %s/%s}"
                .formatted(dirUri, IMAGES, dirUri, LABELS);
    }

    /** Copies an IDX file's header with the count replaced, and the first {@code count} items. */
    private static void copy(Path source, FileSystem fs, org.apache.hadoop.fs.Path target, int count)
            throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(source)));
                DataOutputStream out = new DataOutputStream(new GZIPOutputStream(fs.create(target, true)))) {
            int magic = in.readInt();
            int dimensions = magic & 0xff;
            out.writeInt(magic);
            in.readInt();
            out.writeInt(count);
            long itemBytes = 1;
            for (int d = 1; d < dimensions; d++) {
                int size = in.readInt();
                out.writeInt(size);
                itemBytes *= size;
            }
            copyBytes(in, out, itemBytes * count);
        }
    }

    private static void copyBytes(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("source ended " + left + " bytes early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
