package io.sparktune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic and formatting of benchmark results: min/median, ratios, verdicts, the table and the history file. */
class BenchTableTest {
    @TempDir
    Path dir;

    @Test
    void medianOfOddAndEvenCounts() {
        Samples odd = Samples.of(3.0, 1.0, 2.0);
        assertEquals(1.0, odd.min());
        assertEquals(2.0, odd.median());
        assertEquals(2.5, Samples.of(4.0, 1.0, 2.0, 3.0).median());
    }

    @Test
    void ratiosCompareMinimaAndMediansAndTheTargetJudgesTheMedian() {
        BenchRow row = new BenchRow(
                "epoch bs128",
                "sparktune",
                Samples.of(2.0, 3.0, 10.0),
                BenchRow.Unit.SECONDS,
                "GEMM only",
                Samples.of(1.0, 2.0, 2.5),
                BenchRow.Target.atMost(1.3),
                "noisy");
        assertEquals(2.0, row.ratioOfMinima(), 1e-12);
        assertEquals(1.5, row.ratioOfMedians(), 1e-12);
        assertEquals("no", row.verdict());
        BenchRow fast = new BenchRow(
                "epoch bs128",
                "sparktune",
                Samples.of(2.4),
                BenchRow.Unit.SECONDS,
                "GEMM only",
                Samples.of(2.0),
                BenchRow.Target.atMost(1.3),
                null);
        assertEquals("yes", fast.verdict());
        BenchRow absolute = new BenchRow(
                "quality",
                "best",
                Samples.of(0.886),
                BenchRow.Unit.SCORE,
                null,
                null,
                new BenchRow.Target("≥ 0.884", a -> a >= 0.884),
                "");
        assertEquals("yes", absolute.verdict());
    }

    @Test
    void tableHasOneLinePerRowWithUnitsAndRatios() {
        String table = BenchTable.format(List.of(
                new BenchRow(
                        "overhead",
                        "wall",
                        Samples.of(10.0, 12.0),
                        BenchRow.Unit.SECONDS,
                        "ideal",
                        Samples.of(8.0, 8.0),
                        BenchRow.Target.atMost(1.03),
                        "a | b"),
                BenchRow.valueOnly("memory", "rss", Samples.of(3 << 20), BenchRow.Unit.MEGABYTES, null)));
        List<String> lines = table.lines().toList();
        assertEquals(4, lines.size());
        assertEquals(BenchTable.HEADER, lines.get(0));
        assertEquals(
                "| overhead | wall | 2 | 10.000 s | 11.000 s | ideal | 8.000 s / 8.000 s | 1.25× | 1.38× | ≤ 1.03 "
                        + "| no | a / b |",
                lines.get(2));
        assertEquals("| memory | rss | 1 | 3 MB | 3 MB |  |  |  |  |  |  |  |", lines.get(3));
        String[] cells = lines.get(2).split("\\|", -1);
        assertEquals(BenchTable.HEADER.split("\\|", -1).length, cells.length, "same column count as the header");
    }

    @Test
    void gemmBaselineCountsThreeMultipliesPerLayerAndTimesThem() {
        GemmBaseline gemm = new GemmBaseline(8, 4, 2);
        assertEquals(10 * 3 * 2.0 * (8 * 4 + 4 * 2), gemm.epochFlops(10));
        double seconds = gemm.epochSeconds(10, 4); // two full batches of 4 and one of 2
        assertTrue(seconds > 0 && seconds < 10, "seconds " + seconds);
        GemmBaseline blas = GemmBaseline.directBlas(8, 4, 2); // no input gradient for the first layer
        assertEquals(10 * 2.0 * (2 * 8 * 4 + 3 * 4 * 2), blas.epochFlops(10));
        assertTrue(blas.epochSeconds(10, 4) > 0);
    }

    @Test
    void resultsFileKeepsEarlierRunsOfTheDay() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 25);
        Path file = ResultsFile.append(dir, day, "## run 1\n");
        ResultsFile.append(dir, day, "## run 2\n");
        assertEquals(dir.resolve("2026-11-25.md"), file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("# sparktune benchmark results, 2026-11-25\n"), text);
        assertTrue(text.indexOf("## run 1") < text.indexOf("## run 2") && text.contains("## run 1"), text);
    }

    @Test
    void readsResidentMemoryOfThisProcess() {
        assertEquals(123456, RssProbe.parseKilobytes("VmRSS:\t  123456 kB"));
        assertEquals(
                ProcessHandle.current().pid(),
                RssProbe.pidOf(ProcessHandle.current().pid() + "@host"));
        RssProbe.rssBytes(ProcessHandle.current().pid()).ifPresent(rss -> assertTrue(rss > 1 << 20, "rss " + rss));
    }
}
