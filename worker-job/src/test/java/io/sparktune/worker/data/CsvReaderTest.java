package io.sparktune.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    /** Boston housing as Debian's python3-sklearn ships it (extracted by deploy/bin/install-prerequisites). */
    static final Path BOSTON = Path.of(
            System.getProperty("sklearn.data.dir", "/usr/local/share/datasets/sklearn"), "boston_house_prices.csv");

    @TempDir
    Path dir;

    @Test
    void readsTheRealBostonHousingTable() throws IOException {
        LabeledData data = CsvReader.read(BOSTON.toString(), "MEDV", 1, false, 0);
        assertEquals(506, data.rows());
        assertEquals(13, data.cols());
        assertTrue(data.isRegression());
        assertEquals(24.0f, data.targets()[0]);
        assertEquals(0.00632f, data.features()[0], 1e-7, "CRIM of the first row");
    }

    @Test
    void mapsCategoricalLabelsToSortedClassesAndReadsGzip() throws IOException {
        Path file = dir.resolve("flowers.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("length,species,width\n1.5,versicolor,2\n0.5,setosa,1\n2.5,virginica,3\n0.7,setosa,1.1\n"
                    .getBytes());
        }
        LabeledData data = CsvReader.read(file.toUri().toString(), "species", 0, true, 0);
        assertEquals(List.of("setosa", "versicolor", "virginica"), data.classNames());
        assertArrayEquals(new int[] {1, 0, 2, 0}, data.labels());
        assertArrayEquals(
                new float[] {1.5f, 2, 0.5f, 1, 2.5f, 3, 0.7f, 1.1f}, data.features(), "label column left out");
    }

    @Test
    void numericClassLabelsSortNumerically() throws IOException {
        Path file = Files.writeString(dir.resolve("n.csv"), "x,y\n1,10\n2,9\n3,10\n");
        assertEquals(
                List.of("9", "10"),
                CsvReader.read(file.toString(), "y", 0, true, 0).classNames());
    }

    @Test
    void aBadCellIsReportedWithItsLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "skip me\na,b,price\n1,2,3\n4,oops,6\n");
        IOException e = assertThrows(IOException.class, () -> CsvReader.read(file.toString(), "price", 1, false, 0));
        assertTrue(e.getMessage().endsWith("line 4, column 'b': not a finite number ('oops')"), e.getMessage());
    }

    @Test
    void aMissingLabelColumnNamesTheColumnsThereAre() throws IOException {
        Path file = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> CsvReader.read(file.toString(), "price", 0, false, 0));
        assertTrue(e.getMessage().contains("no label column 'price' (columns: a, b)"), e.getMessage());
    }

    @Test
    void anEmptyCellAndARaggedRowAreReported() throws IOException {
        Path empty = Files.writeString(dir.resolve("e.csv"), "a,y\n,1\n");
        assertTrue(assertThrows(IOException.class, () -> CsvReader.read(empty.toString(), "y", 0, false, 0))
                .getMessage()
                .endsWith("line 2, column 'a': missing value"));
        Path ragged = Files.writeString(dir.resolve("r.csv"), "a,b,y\n1,2,3\n1,2\n");
        assertTrue(assertThrows(IOException.class, () -> CsvReader.read(ragged.toString(), "y", 0, false, 0))
                .getMessage()
                .endsWith("line 3 has 2 cells, the header 3"));
    }
}
