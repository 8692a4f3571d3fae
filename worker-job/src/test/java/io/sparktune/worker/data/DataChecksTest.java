package io.sparktune.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.FashionMnist;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's data checks report every problem of the training data, one line each naming the file. */
class DataChecksTest {
    private static final int IDX_IMAGES_HEADER = 16;
    private static final int PIXELS = 28 * 28;

    @TempDir
    Path dir;

    @Test
    void everyBadCellAndRowOfACsvIsReportedWithItsLineAndColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b,y\n1,2,3\n1,two,4\n3\n,4,5\n5,6,z\n7,8,9\n");
        List<String> problems = DataChecks.check(csvSpec(csv, "y", 0), false).problems();
        assertEquals(
                List.of(
                        csv + ": line 3, column 'b': not a finite number ('two')",
                        csv + ": line 4 has 1 cells, the header 3",
                        csv + ": line 5, column 'a': missing value",
                        csv + ": line 6, column 'y': not a finite number ('z')"),
                problems);
    }

    @Test
    void aMissingLabelColumnAndAnEmptyFileAreReported() throws Exception {
        Path csv = Files.writeString(dir.resolve("nolabel.csv"), "a,b\n1,2\n");
        assertEquals(
                List.of(csv + ": no label column 'y' (columns: a, b)"),
                DataChecks.check(csvSpec(csv, "y", 0), false).problems());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertEquals(
                List.of(empty + ": empty file (no header row)"),
                DataChecks.check(csvSpec(empty, "y", 0), false).problems());
    }

    @Test
    void aTruncatedGzippedIdxFileIsReported() throws Exception {
        Path images = dir.resolve("truncated-images.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(FashionMnist.trainImages()));
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(images))) {
            out.write(in.readNBytes(IDX_IMAGES_HEADER + 228 * PIXELS + 100));
        }
        SearchSpec spec = idxSpec(images, FashionMnist.trainLabels(), 3000, 3);
        assertEquals(
                List.of(images + ": truncated after 228 of 3000 images"),
                DataChecks.check(spec, false).problems());
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> DataChecks.requireValid(spec, false));
        assertEquals(DataChecks.check(spec, false).problems(), e.problems());
    }

    @Test
    void theLimitIsRespected() throws Exception {
        Path images = dir.resolve("short-images.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(FashionMnist.trainImages()));
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(images))) {
            out.write(in.readNBytes(IDX_IMAGES_HEADER + 500 * PIXELS));
        }
        DataChecks.Result result = DataChecks.check(idxSpec(images, FashionMnist.trainLabels(), 500, 3), false);
        assertTrue(result.valid(), result.problems().toString());
        assertEquals(500, result.data().orElseThrow().rows());
        assertEquals(10, result.data().orElseThrow().numClasses());
    }

    @Test
    void wrongMagicNumbersOfBothIdxFilesAreReportedTogether() throws Exception {
        Path images = Files.write(dir.resolve("images"), header(2049, 3));
        Path labels = Files.write(dir.resolve("labels"), header(2051, 3));
        assertEquals(
                List.of(
                        images + ": not an IDX images file (magic number 2049, expected 2051)",
                        labels + ": not an IDX labels file (magic number 2051, expected 2049)"),
                DataChecks.check(idxSpec(images, labels, 0, 2), false).problems());
    }

    @Test
    void classesWithoutExamplesOrWithFewerThanTheFoldsAreReported() throws Exception {
        Path images = Files.write(dir.resolve("images"), idxImages(8));
        Path labels = Files.write(dir.resolve("labels"), idxLabels(0, 0, 0, 0, 0, 3, 3, 3));
        assertEquals(
                List.of(
                        labels + ": class 1 has no examples (labels go up to 3)",
                        labels + ": class 2 has no examples (labels go up to 3)"),
                DataChecks.check(idxSpec(images, labels, 0, 2), false).problems());
        Path csv = Files.writeString(dir.resolve("rare.csv"), "a,y\n1,cat\n2,cat\n3,cat\n4,dog\n5,cat\n6,dog\n");
        assertEquals(
                List.of(csv + ": class 'dog' has 2 example(s), fewer than the 3 cross-validation folds"),
                DataChecks.check(csvSpec(csv, "y", 3), false).problems());
    }

    @Test
    void aFileGoneSinceTheSpecWasReadNamesTheField() throws Exception {
        Path csv = Files.writeString(dir.resolve("gone.csv"), "a,y\n1,2\n");
        SearchSpec spec = csvSpec(csv, "y", 0);
        Files.delete(csv);
        List<String> problems = DataChecks.check(spec, false).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("data.train: ") && problems.get(0).contains("gone.csv"), problems.get(0));
    }

    private SearchSpec csvSpec(Path csv, String label, int cv) throws Exception {
        String task = cv > 0 ? "classification" : "regression";
        return parse(task, "{format: csv, train: {path: '%s'}, label: %s}".formatted(csv, label), Math.max(cv, 2));
    }

    private SearchSpec idxSpec(Path images, Path labels, int limit, int cv) throws Exception {
        String data = "{format: idx, train: {images: '%s', labels: '%s'}%s}"
                .formatted(images, labels, limit > 0 ? ", limit: " + limit : "");
        return parse("classification", data, cv);
    }

    private static SearchSpec parse(String task, String data, int cv) throws Exception {
        return SpecParser.parse(
                """
                name: checks
                task: %s
                data: %s
                search: {n_iter: 1, cv: %d}
                space: {n_neurons: 8}
                training: {max_epochs: 1%s}
                """.formatted(task, data, cv, task.equals("regression") ? ", loss: mse" : ""), "checks.yaml");
    }

    private static byte[] header(int magic, int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        return bytes.toByteArray();
    }

    private static byte[] idxImages(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(header(2051, count));
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2);
        out.writeInt(2);
        out.write(new byte[count * 4]);
        return bytes.toByteArray();
    }

    private static byte[] idxLabels(int... labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(header(2049, labels.length));
        for (int label : labels) {
            bytes.write(label);
        }
        return bytes.toByteArray();
    }
}
