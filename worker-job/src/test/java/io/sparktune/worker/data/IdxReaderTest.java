package io.sparktune.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.worker.FashionMnist;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRealFashionMnistScaledToUnitInterval() throws IOException {
        LabeledData data = IdxReader.read(FashionMnist.trainImages(), FashionMnist.trainLabels(), 1000);
        assertEquals(1000, data.rows());
        assertEquals(784, data.cols());
        assertEquals(10, data.numClasses());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : data.features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        assertTrue(Arrays.stream(data.classCounts()).allMatch(c -> c > 50), Arrays.toString(data.classCounts()));
        // the first training image of Fashion-MNIST is an ankle boot (class 9)
        assertEquals(9, data.labels()[0]);
    }

    @Test
    void readsUncompressedFilesTheSame() throws IOException {
        Path images = gunzip(FashionMnist.testImages(), "images");
        Path labels = gunzip(FashionMnist.testLabels(), "labels");
        LabeledData plain = IdxReader.read(images, labels, 200);
        LabeledData gzipped = IdxReader.read(FashionMnist.testImages(), FashionMnist.testLabels(), 200);
        assertArrayEquals(gzipped.features(), plain.features());
        assertArrayEquals(gzipped.labels(), plain.labels());
    }

    @Test
    void rejectsWrongMagicNumber() throws IOException {
        Path labels = gunzip(FashionMnist.testLabels(), "labels");
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(labels, labels, 10));
        assertTrue(e.getMessage().contains("not an IDX images file"), e.getMessage());
    }

    @Test
    void rejectsTruncatedImages() throws IOException {
        Path images = idxImages(5, 4, 4, 3 * 16);
        Path labels = idxLabels(new byte[] {0, 1, 2, 3, 4});
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(images, labels, 0));
        assertTrue(e.getMessage().contains("truncated after 3 of 5 images"), e.getMessage());
    }

    @Test
    void rejectsLabelCountDifferentFromImageCount() throws IOException {
        Path images = idxImages(5, 2, 2, 5 * 4);
        Path labels = idxLabels(new byte[] {0, 1, 2});
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(images, labels, 0));
        assertTrue(e.getMessage().contains("3 labels for 5 images"), e.getMessage());
    }

    @Test
    void readsFileUrisThroughHadoopsFileSystem() throws IOException {
        LabeledData viaUri = IdxReader.read(
                FashionMnist.testImages().toUri().toString(),
                FashionMnist.testLabels().toUri().toString(),
                50);
        LabeledData viaPath = IdxReader.read(FashionMnist.testImages(), FashionMnist.testLabels(), 50);
        assertArrayEquals(viaPath.features(), viaUri.features());
    }

    @Test
    void rejectsAClassWithoutExamples() throws IOException {
        Path images = idxImages(3, 2, 2, 3 * 4);
        Path labels = idxLabels(new byte[] {0, 2, 2});
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(images, labels, 0));
        assertTrue(e.getMessage().contains("class 1 has no examples"), e.getMessage());
    }

    private Path gunzip(Path gz, String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, out);
        }
        return out;
    }

    private Path idxImages(int count, int rows, int cols, int pixelBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2051);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(new byte[pixelBytes]);
        return Files.write(dir.resolve("images-" + count + "-" + pixelBytes), bytes.toByteArray());
    }

    private Path idxLabels(byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2049);
        out.writeInt(labels.length);
        out.write(labels);
        return Files.write(dir.resolve("labels-" + labels.length), bytes.toByteArray());
    }
}
