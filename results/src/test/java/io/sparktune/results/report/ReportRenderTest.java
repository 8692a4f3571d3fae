package io.sparktune.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report of a real small search: every chart is there with one point per trial (or per epoch), the log axis is
 * used exactly for the loguniform hyperparameter, nothing is fetched from elsewhere, and headless Chromium renders it.
 */
class ReportRenderTest {
    static Path runDir;
    /** Each trial's latest record. */
    static List<TrialRecord> trials;

    static Path report;
    static ReportPage page;

    @BeforeAll
    static void searchAndReport() throws Exception {
        ReportRunFixture.Run run = ReportRunFixture.shared();
        runDir = run.dir();
        trials = run.board().rows().stream().map(Leaderboard.Row::trial).toList();
        report = HtmlReport.write(runDir);
        page = ReportPage.parse(report); // the page is also well-formed XML
    }

    static List<TrialRecord> scored() {
        return trials.stream().filter(t -> t.status() == TrialStatus.OK).toList();
    }

    static NodeList select(String xpath) throws Exception {
        return page.select(xpath);
    }

    static int count(String chart, String element) throws Exception {
        return page.count(chart, element);
    }

    @Test
    void theFixtureIsARealSearchWithScoredAndFailedTrials() {
        assertTrue(scored().size() >= 3, "scored trials: " + scored().size());
        assertTrue(trials.stream().anyMatch(t -> t.status() == TrialStatus.FAILED));
        assertTrue(scored().stream()
                .allMatch(t -> t.splits().stream().allMatch(s -> s.curve().size() == s.epochsRun())));
    }

    @Test
    void learningCurvesHaveALinePerSplitAndAPointPerEpochOfTheBestTrials() throws Exception {
        List<TrialRecord> top = LearningCurves.topTrials(Leaderboard.from(trials));
        assertEquals(Math.min(LearningCurves.TOP_TRIALS, scored().size()), top.size());
        int lines = top.stream().mapToInt(t -> t.splits().size()).sum();
        int epochs = top.stream()
                .flatMap(t -> t.splits().stream())
                .mapToInt(s -> s.curve().size())
                .sum();
        for (String chart : List.of("learning-curve-score", "learning-curve-loss")) {
            assertEquals(lines, count(chart, "polyline[@class='curve']"), chart);
            assertEquals(epochs, count(chart, "circle[@class='point']"), chart);
        }
        SplitResult first = top.get(0).splits().get(0);
        NodeList line = select("//svg[@data-chart='learning-curve-score']//polyline[@class='curve']");
        assertEquals(
                first.curve().size(),
                ((Element) line.item(0)).getAttribute("points").trim().split(" ").length);
    }

    @Test
    void everyHyperparameterHasAScatterWithAPointPerScoredTrial() throws Exception {
        for (String name : Leaderboard.from(trials).paramNames()) {
            assertEquals(scored().size(), count("param-" + name, "circle[@class='point']"), name);
        }
        assertEquals(5, select("//svg[starts-with(@data-chart, 'param-')]").getLength());
        assertTrue(axisLabel("param-learning_rate").endsWith("(log scale)"), axisLabel("param-learning_rate"));
        for (String linear : List.of("param-dropout", "param-n_neurons", "param-optimizer")) {
            assertFalse(axisLabel(linear).contains("log"), linear);
        }
        List<String> optimizerTicks = texts("//svg[@data-chart='param-optimizer']//text[@class='tick']");
        assertTrue(optimizerTicks.containsAll(List.of("sgd", "adam", "rmsprop")), optimizerTicks.toString());
    }

    @Test
    void scoreHistoryShowsEveryTrialAndTheRunningBest() throws Exception {
        assertEquals(scored().size(), count("score-history", "circle[@class='point']"));
        assertEquals(trials.size() - scored().size(), count("score-history", "path[@class='missing']"));
        String[] best = ((Element) select("//svg[@data-chart='score-history']//polyline[@class='running-best']")
                        .item(0))
                .getAttribute("points")
                .trim()
                .split(" ");
        double highestPoint = Double.MAX_VALUE;
        NodeList points = select("//svg[@data-chart='score-history']//circle");
        for (int i = 0; i < points.getLength(); i++) {
            highestPoint = Math.min(highestPoint, Double.parseDouble(((Element) points.item(i)).getAttribute("cy")));
        }
        assertEquals(
                highestPoint,
                Double.parseDouble(best[best.length - 1].split(",")[1]),
                0.05,
                "the running best ends at the best trial's height");
    }

    @Test
    void theTableHasEveryTrialAndTheSpecIsShown() throws Exception {
        assertEquals(
                trials.size(), select("//table[@class='leaderboard']/tbody/tr").getLength());
        assertEquals(
                1,
                select("//table[@class='leaderboard']/tbody/tr[@class='failed']")
                        .getLength());
        String spec = texts("//pre[@class='spec']").get(0);
        assertEquals(ReportRunFixture.spec(), spec);
    }

    @Test
    void needsNothingFromTheNetwork() throws Exception {
        String html = Files.readString(report);
        for (String fetch : List.of("<script", "<link", "src=", "href=", "url(", "@import", "<iframe", "<img")) {
            assertFalse(html.contains(fetch), fetch);
        }
    }

    @Test
    void headlessChromiumRendersEveryChart() throws Exception {
        Path png = runDir.resolve("report.png");
        String url = report.toUri().toString();
        ReportPage.chromium(List.of("--screenshot=" + png, "--window-size=1400,2400", url));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertEquals(2400, image.getHeight());
        Set<Integer> colors = new HashSet<>();
        int inked = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colors.add(rgb);
                inked += rgb == 0xffffff ? 0 : 1;
            }
        }
        assertTrue(colors.size() > 50, "distinct colours: " + colors.size());
        assertTrue(inked > image.getWidth() * image.getHeight() / 4 / 50, "non-white pixels: " + inked);

        String dom = ReportPage.chromium(List.of("--dump-dom", url));
        String html = Files.readString(report);
        assertEquals(occurrences(html, "<svg class=\"chart\""), occurrences(dom, "<svg class=\"chart\""));
        assertEquals(occurrences(html, "<circle"), occurrences(dom, "<circle"), "Chromium parsed every point");
        assertEquals(occurrences(html, "<polyline"), occurrences(dom, "<polyline"));
    }

    private static String axisLabel(String chart) throws Exception {
        return texts("//svg[@data-chart='" + chart + "']//text[@class='axis-label']")
                .get(0);
    }

    private static List<String> texts(String xpath) throws Exception {
        return page.texts(xpath);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
