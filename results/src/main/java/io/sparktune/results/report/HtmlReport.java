package io.sparktune.results.report;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.AtomicFiles;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardCells;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.results.importance.Importances;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecException;
import io.sparktune.space.searchspec.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code report.html}: one self-contained page about a search (no script, no stylesheet or font to fetch: the
 * charts are SVG drawn here), readable offline and while the search runs; {@code search --ui} serves the same page,
 * live ({@link LivePage}). It shows a summary, the ranked
 * leaderboard, learning curves of the best trials, the score against each hyperparameter, the score over trials with
 * the running best, and the spec the search ran with. Everything comes from the run directory's files.
 * Also: all trials in parallel coordinates, a heat map of the score over two hyperparameters, the epochs each trial
 * trained (ASHA's rungs).
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";
    private static final Logger LOG = LoggerFactory.getLogger(HtmlReport.class);

    private HtmlReport() {}

    /** Writes {@code runDir/report.html} (atomically) from the run's journal and spec copy; returns its path. */
    public static Path write(Path runDir) throws IOException {
        Path report = runDir.resolve(FILE_NAME);
        AtomicFiles.write(report, page(runDir, null));
        return report;
    }

    /**
     * The page of the run in {@code runDir} as it is now: the static report, or with {@code live} the same page with
     * the search's progress line and a script that keeps it up to date ({@link LivePage}).
     */
    public static String page(Path runDir, LivePage.Status live) throws IOException {
        Path specFile = RunFiles.spec(runDir);
        String specText = Files.readString(specFile, StandardCharsets.UTF_8);
        Map<String, Distribution> distributions = new TreeMap<>();
        String name = runDir.toAbsolutePath().normalize().getFileName().toString();
        try {
            SearchSpec spec = SpecParser.parse(specFile);
            spec.space().dimensions().forEach((hp, distribution) -> distributions.put(hp.specName(), distribution));
            name = spec.name();
        } catch (SpecException e) {
            // e.g. the data files moved since the search: the report still shows everything, with linear axes
            LOG.warn("{} no longer parses ({}); drawing every hyperparameter on a linear axis", specFile, e.problems());
        }
        return render(
                name, specFile.getFileName().toString(), specText, distributions, TrialJournal.read(runDir), live);
    }

    /** The page for the given trials (in journal order), spec text and the spec's distributions by name. */
    static String render(
            String searchName,
            String specFileName,
            String specText,
            Map<String, Distribution> distributions,
            List<TrialRecord> trials,
            LivePage.Status live) {
        Leaderboard board = Leaderboard.from(trials);
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>sparktune report: ")
                .append(Svg.escape(searchName))
                .append("</title>\n")
                .append("<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        page.append("<h1>").append(Svg.escape(searchName)).append("</h1>\n");
        if (live != null) {
            page.append(LivePage.progress(live));
        }
        page.append(summary(board));
        section(page, "leaderboard", "Leaderboard", RankedTable.html(LeaderboardCells.of(board)));
        section(
                page,
                "learning-curves",
                "Learning curves of the " + LearningCurves.TOP_TRIALS + " best trials",
                LearningCurves.html(board));
        section(page, "hyperparameters", "Score against each hyperparameter", ParamScatter.html(board, distributions));
        Importances importances = ImportanceSection.of(trials, distributions);
        section(page, "importance", "Hyperparameter importance", ImportanceSection.html(importances));
        section(
                page,
                "parallel-coordinates",
                "All trials across the hyperparameters",
                ParallelCoordinates.html(board, distributions));
        section(
                page,
                "heat-map",
                "Score over the two most important hyperparameters",
                ScoreHeatMap.html(
                        board,
                        distributions,
                        ImportanceSection.topTwo(importances, distributions),
                        "their fANOVA importance"));
        section(page, "history", "Score over trials", ScoreHistory.html(board));
        section(page, "rungs", "Epochs trained per trial", RungChart.html(trials));
        section(
                page,
                "spec",
                "Spec (" + specFileName + ")",
                "<pre class=\"spec\">" + Svg.escape(specText) + "</pre>\n");
        if (live != null) {
            page.append(LivePage.SCRIPT);
        }
        return page.append("</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder page, String id, String title, String body) {
        page.append("<section id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(Svg.escape(title))
                .append("</h2>\n")
                .append(body)
                .append("</section>\n");
    }

    private static String summary(Leaderboard board) {
        List<TrialRecord> trials =
                board.rows().stream().map(Leaderboard.Row::trial).toList();
        long ok = trials.stream().filter(t -> t.status() == TrialStatus.OK).count();
        long diverged =
                trials.stream().filter(t -> t.status() == TrialStatus.DIVERGED).count();
        double fitSeconds = trials.stream()
                .flatMap(t -> t.splits().stream())
                .mapToDouble(s -> s.fitSeconds())
                .sum();
        StringBuilder out = new StringBuilder("<p id=\"summary\" class=\"summary\">")
                .append(trials.size())
                .append(" trials finished: ")
                .append(ok)
                .append(" scored, ")
                .append(diverged)
                .append(" diverged, ")
                .append(trials.size() - ok - diverged)
                .append(" failed; ")
                .append(Svg.number(fitSeconds, 0))
                .append(" s of training in all.");
        if (ok > 0) {
            TrialRecord best = trials.get(0);
            out.append(" Best: <strong>")
                    .append(Svg.escape(best.trialId()))
                    .append("</strong>, mean validation score <strong>")
                    .append(Svg.number(best.meanScore(), 4))
                    .append("</strong> \u00b1 ")
                    .append(Svg.number(best.stdScore(), 4))
                    .append(" with ")
                    .append(Svg.escape(Svg.params(best.params())))
                    .append('.');
        }
        return out.append("</p>\n").toString();
    }

    private static final String STYLE = """
            body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; }
            h1 { margin: 0 0 4px; } h2 { margin: 28px 0 8px; border-bottom: 1px solid #ddd; }
            .table-wrap { overflow-x: auto; max-height: 520px; overflow-y: auto; }
            table.leaderboard { border-collapse: collapse; font-size: 12px; }
            table.leaderboard th, table.leaderboard td { padding: 2px 8px; border-bottom: 1px solid #eee; white-space: nowrap; }
            table.leaderboard th { position: sticky; top: 0; background: #f4f4f4; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.diverged td, tr.failed td { color: #b22; }
            .row, .grid { display: flex; flex-wrap: wrap; gap: 12px; }
            figure { margin: 0; max-width: 620px; } figcaption { font-size: 12px; color: #555; }
            svg.chart { background: #fff; border: 1px solid #e4e4e4; }
            svg.chart text { font-size: 11px; fill: #333; } svg.chart text.title { font-size: 13px; font-weight: 600; }
            svg.chart line.grid { stroke: #eee; } svg.chart rect.frame { stroke: #999; }
            svg.chart circle.point { fill-opacity: 0.85; } svg.chart polyline.curve { stroke-opacity: 0.7; }
            ul.legend { list-style: none; padding: 0; margin: 4px 0; font-size: 12px; }
            .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; }
            p.progress { color: #555; font-variant-numeric: tabular-nums; }
            pre.spec { background: #f7f7f7; padding: 12px; border: 1px solid #e4e4e4; overflow-x: auto; }
            """;
}
