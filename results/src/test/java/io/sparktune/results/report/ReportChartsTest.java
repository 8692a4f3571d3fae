package io.sparktune.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.searchspec.SpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The charts of the report of a real small ASHA search beyond the per-hyperparameter scatters: parallel coordinates,
 * the heat map over two hyperparameters, the epochs per trial with the rungs; and, in headless Chromium, that no two
 * labels of any chart overlap.
 */
class ReportChartsTest {
    static ReportRunFixture.Run run;
    static Leaderboard board;
    static List<TrialRecord> scored;
    static Path report;
    static ReportPage page;

    @BeforeAll
    static void searchAndReport() throws Exception {
        run = ReportRunFixture.shared();
        board = run.board();
        scored = board.rows().stream()
                .map(Leaderboard.Row::trial)
                .filter(t -> t.status() == TrialStatus.OK)
                .toList();
        report = HtmlReport.write(run.dir());
        page = ReportPage.parse(report);
    }

    @Test
    void theFixtureTrainedRungByRung() {
        Map<Integer, Long> recordsPerRung = run.journal().stream()
                .collect(Collectors.groupingBy(TrialRecord::rung, TreeMap::new, Collectors.counting()));
        assertEquals(List.of(0, 1, 2), List.copyOf(recordsPerRung.keySet()), recordsPerRung.toString());
        assertEquals(ReportRunFixture.CANDIDATES + 1, recordsPerRung.get(0));
        assertTrue(
                scored.stream().anyMatch(t -> t.rung() == 2 && RungChart.epochs(t) == 4),
                "a trial trained to 4 epochs");
    }

    @Test
    void parallelCoordinatesHaveAnAxisPerHyperparameterAndALinePerScoredTrial() throws Exception {
        List<String> axes = page.elements("//svg[@data-chart='parallel-coordinates']//g[@class='axis']").stream()
                .map(g -> g.getAttribute("data-axis"))
                .toList();
        List<String> expected = new ArrayList<>(board.paramNames());
        expected.add("score");
        assertEquals(expected, axes);
        List<Element> lines = page.elements("//svg[@data-chart='parallel-coordinates']//polyline[@class='trial']");
        assertEquals(scored.size(), lines.size());
        lines.forEach(line -> assertEquals(expected.size(), points(line).size()));

        List<String> ticks = page.texts("//svg[@data-chart='parallel-coordinates']//text[@class='tick']");
        List<String> optimizers = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "nadam");
        assertTrue(ticks.containsAll(optimizers), ticks.toString());
        // drawn worst first: the last line is the best trial's, at the top of the score axis, in another colour
        Element best = lines.get(lines.size() - 1);
        assertTrue(best.getTextContent().startsWith(scored.get(0).trialId() + ":"), best.getTextContent());
        assertNotEquals(lines.get(0).getAttribute("stroke"), best.getAttribute("stroke"));
        int scoreAxis = expected.size() - 1;
        assertTrue(lines.stream()
                .allMatch(l -> points(l).get(scoreAxis)[1] >= points(best).get(scoreAxis)[1]));

        // learning_rate ~ loguniform: heights are linear in log10 of the rate
        int rateAxis = expected.indexOf("learning_rate");
        double[] logRates = new double[lines.size()];
        double[] heights = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String id = lines.get(i)
                    .getTextContent()
                    .substring(0, lines.get(i).getTextContent().indexOf(':'));
            TrialRecord trial = scored.stream()
                    .filter(t -> t.trialId().equals(id))
                    .findFirst()
                    .orElseThrow();
            logRates[i] = Math.log10(((Number) trial.params().get("learning_rate")).doubleValue());
            heights[i] = points(lines.get(i)).get(rateAxis)[1];
        }
        double slope = (heights[1] - heights[0]) / (logRates[1] - logRates[0]);
        for (int i = 2; i < lines.size(); i++) {
            assertEquals(heights[0] + slope * (logRates[i] - logRates[0]), heights[i], 0.2, "trial " + i);
        }
    }

    @Test
    void theHeatMapIsOverTheTwoChosenHyperparameters() throws Exception {
        Map<String, Distribution> distributions = new TreeMap<>();
        SpecParser.parse(RunFiles.spec(run.dir()))
                .space()
                .dimensions()
                .forEach((hp, distribution) -> distributions.put(hp.specName(), distribution));
        List<String> topTwo =
                ImportanceSection.topTwo(ImportanceSection.of(run.journal(), distributions), distributions);
        assertEquals(2, topTwo.size());
        List<String> labels = page.texts("//svg[@data-chart='heat-map']//text[@class='axis-label']");
        assertEquals(2, labels.size());
        for (int i = 0; i < 2; i++) {
            assertTrue(
                    List.of(topTwo.get(i), topTwo.get(i) + " (log scale)").contains(labels.get(i)), labels.toString());
        }
        assertEquals(scored.size(), page.count("heat-map", "circle[@class='point']"));
        List<String> cells = page.texts("//svg[@data-chart='heat-map']//rect[@class='cell']/title");
        assertTrue(cells.size() >= 24, "cells: " + cells.size());
        double low = scored.stream().mapToDouble(TrialRecord::meanScore).min().orElseThrow();
        double high = scored.stream().mapToDouble(TrialRecord::meanScore).max().orElseThrow();
        for (String cell : cells) {
            double estimate = Double.parseDouble(cell.replace("estimated score ", ""));
            assertTrue(estimate >= low - 1e-4 && estimate <= high + 1e-4, cell + " outside the trials' scores");
        }
    }

    @Test
    void theRungChartShowsEachTrialsEpochsAndTheRungs() throws Exception {
        Map<Integer, List<TrialRecord>> byTrial = run.journal().stream()
                .collect(Collectors.groupingBy(TrialRecord::trialNumber, TreeMap::new, Collectors.toList()));
        List<String> stems = page.texts("//svg[@data-chart='rungs']//polyline[@class='stem']/title");
        List<String> expected = new ArrayList<>();
        int points = 0;
        for (List<TrialRecord> records : byTrial.values()) {
            TrialRecord last = records.get(records.size() - 1);
            if (last.status() == TrialStatus.OK) {
                expected.add(last.trialId() + ": " + RungChart.epochs(last) + " epochs, rung " + last.rung()
                        + ", score " + Svg.number(last.meanScore(), 4));
                points += records.size();
            }
        }
        assertEquals(expected, stems);
        assertEquals(points, page.count("rungs", "circle[@class='point']"));
        assertEquals(1, page.count("rungs", "path[@class='missing']"));
        assertEquals(
                List.of("rung 0: 1 epoch, 6 trials", "rung 1: 2 epochs, 2 trials", "rung 2: 4 epochs, 1 trial"),
                page.texts("//svg[@data-chart='rungs']//text[@class='level-label']"));
        // the stems' tops: the higher the epochs, the higher on the page
        List<Element> lines = page.elements("//svg[@data-chart='rungs']//polyline[@class='stem']");
        for (int i = 0; i < lines.size(); i++) {
            for (int j = 0; j < lines.size(); j++) {
                int epochsI = Integer.parseInt(stems.get(i).split(": ")[1].split(" ")[0]);
                int epochsJ = Integer.parseInt(stems.get(j).split(": ")[1].split(" ")[0]);
                if (epochsI > epochsJ) {
                    assertTrue(
                            points(lines.get(i)).get(1)[1]
                                    < points(lines.get(j)).get(1)[1],
                            stems.get(i) + " vs " + stems.get(j));
                }
            }
        }
    }

    @Test
    void withoutRungsEveryTrialStillHasItsStemAndNoRungLine() throws Exception {
        List<TrialRecord> fifo = board.rows().stream()
                .map(Leaderboard.Row::trial)
                .map(t -> new TrialRecord(t.trialNumber(), t.seed(), t.params(), t.status(), t.splits()))
                .toList();
        Path html = Files.writeString(Files.createTempFile("rungs", ".xml"), RungChart.html(fifo));
        ReportPage chart = ReportPage.parse(html);
        assertEquals(scored.size(), chart.count("rungs", "polyline[@class='stem']"));
        assertEquals(0, chart.count("rungs", "line[@class='level']"));
    }

    /** Chromium lays the page out; a script placed in a copy of it reports every pair of labels that overlap. */
    @Test
    void noTwoLabelsOfAChartOverlapInChromium() throws Exception {
        String script = new String(
                ReportChartsTest.class.getResourceAsStream("label-overlaps.js").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Path checked = Files.writeString(
                run.dir().resolve("report-overlaps.html"),
                Files.readString(report).replace("</body>", "<script>\n" + script + "</script>\n</body>"));
        String dom = ReportPage.chromium(List.of("--dump-dom", checked.toUri().toString()));
        int start = dom.lastIndexOf("<pre id=\"label-overlaps\"");
        assertTrue(start >= 0, "the check ran");
        String result = dom.substring(dom.indexOf('>', start) + 1, dom.indexOf("</pre>", start));
        int labels = Integer.parseInt(dom.replaceAll("(?s).*data-labels=\"(\\d+)\".*", "$1"));
        assertTrue(labels > 150, "labels checked: " + labels);
        assertEquals("", result.trim(), "overlapping labels:\n" + result);
    }

    /** The points of a polyline, each {x, y}. */
    private static List<double[]> points(Element polyline) {
        List<double[]> points = new ArrayList<>();
        for (String point : polyline.getAttribute("points").trim().split(" ")) {
            String[] xy = point.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }
}
