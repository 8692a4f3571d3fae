package io.sparktune.worker.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads tabular data: optional lines to skip, a header row, one named label column and numeric features in every
 * other column. For classification the label values become classes (sorted, numerically if they all are numbers);
 * for regression they are parsed as numbers. Bad cells and rows fail as one {@link InvalidDataException} naming each
 * one's line and column, before any training.
 */
public final class CsvReader {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .build();

    private CsvReader() {}

    /** Reads the first {@code limit} rows (all if 0) of the file at {@code location}. */
    public static LabeledData read(String location, String labelColumn, int skipRows, boolean categorical, int limit)
            throws IOException {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(HadoopFiles.open(location), StandardCharsets.UTF_8))) {
            for (int i = 0; i < skipRows; i++) {
                if (reader.readLine() == null) {
                    throw new InvalidDataException(
                            List.of(location + ": ends within the " + skipRows + " rows to skip"));
                }
            }
            CSVParser parser = FORMAT.parse(reader);
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new InvalidDataException(List.of(location + ": empty file (no header row"
                        + (skipRows > 0 ? " after the " + skipRows + " rows to skip)" : ")")));
            }
            int labelIndex = header.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw new InvalidDataException(List.of(location + ": no label column '" + labelColumn + "' (columns: "
                        + String.join(", ", header) + ")"));
            }
            int cols = header.size() - 1;
            float[] features = new float[1024 * Math.max(1, cols)];
            List<String> labelCells = new ArrayList<>();
            DataProblems problems = new DataProblems();
            int rows = 0;
            for (CSVRecord record : parser) {
                if (limit > 0 && rows == limit) {
                    break;
                }
                long line = record.getRecordNumber() + skipRows + 1;
                if (record.size() != header.size()) {
                    problems.add(location + ": line " + line + " has " + record.size() + " cells, the header "
                            + header.size());
                    continue;
                }
                if ((long) (rows + 1) * cols > features.length) {
                    features = Arrays.copyOf(features, Math.multiplyExact(features.length, 2));
                }
                for (int c = 0, f = 0; c < header.size(); c++) {
                    if (c != labelIndex) {
                        features[rows * cols + f++] = number(record.get(c), location, line, header.get(c), problems);
                    }
                }
                if (!categorical) {
                    number(record.get(labelIndex), location, line, labelColumn, problems);
                }
                labelCells.add(record.get(labelIndex));
                rows++;
            }
            if (rows == 0 && problems.isEmpty()) {
                problems.add(location + ": no data rows");
            }
            float[] x = Arrays.copyOf(features, rows * cols);
            problems.throwIfAny();
            return categorical
                    ? classes(x, rows, cols, labelCells)
                    : LabeledData.regression(x, rows, cols, targets(labelCells));
        }
    }

    private static LabeledData classes(float[] x, int rows, int cols, List<String> labelCells) {
        TreeSet<String> distinct = new TreeSet<>(labelCells);
        boolean numeric = distinct.stream().allMatch(CsvReader::isNumber);
        List<String> names = distinct.stream()
                .sorted(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder())
                .toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[] labels = labelCells.stream().mapToInt(index::get).toArray();
        return LabeledData.classification(x, rows, cols, labels, names);
    }

    /** The label cells as numbers; each was checked in the loop. */
    private static float[] targets(List<String> cells) {
        float[] targets = new float[cells.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = Float.parseFloat(cells.get(i));
        }
        return targets;
    }

    /** The cell's value, or NaN after adding a problem naming its line and column. */
    private static float number(String cell, String location, long line, String column, DataProblems problems) {
        if (cell.isEmpty()) {
            problems.add(location + ": line " + line + ", column '" + column + "': missing value");
            return Float.NaN;
        }
        try {
            float value = Float.parseFloat(cell);
            if (Float.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with its position
        }
        problems.add(location + ": line " + line + ", column '" + column + "': not a finite number ('" + cell + "')");
        return Float.NaN;
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
