package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.cluster.LoopbackPorts;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.report.HtmlReport;
import io.sparktune.worker.FashionMnist;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search --ui} with a real search on local[2] and a real headless Chromium: the page, opened once, gains
 * leaderboard rows as trials finish (the same document all along: no reload), ends with every trial and the search
 * marked finished, and its rows are report.html's.
 */
class LiveSearchPageTest {
    private static final int TRIALS = 14;
    private static final String ROWS = "document.querySelectorAll('#leaderboard tbody tr').length";

    @TempDir
    Path dir;

    @Test
    void thePageGainsRowsAsTrialsFinish() throws Exception {
        Path spec =
                Files.writeString(dir.resolve("live.yaml"), """
                name: live
                task: classification
                %s
                search: {n_iter: %d, cv: 2, seed: 5}
                space:
                  n_neurons: {int: [32, 128]}
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                training: {max_epochs: 8, patience: 8, batch_size: 32}
                """.formatted(FashionMnist.specTrainData(12000), TRIALS));
        Path out = dir.resolve("run");
        int port = LoopbackPorts.free(1)[0];
        String url = "http://127.0.0.1:" + port + "/";
        CompletableFuture<Integer> search = CompletableFuture.supplyAsync(() -> Main.execute(
                new Main(),
                "search",
                spec.toString(),
                "--out",
                out.toString(),
                "--quiet",
                "--master",
                "local[2]",
                "--ui",
                String.valueOf(port)));
        awaitServing(url, search);

        List<Integer> seen = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.open(url, dir)) {
            long loaded = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!chromium.evaluate("document.readyState === 'complete' && !!document.getElementById('progress')")
                    .asBoolean()) {
                assertTrue(System.nanoTime() < loaded, "the page did not load");
                Thread.sleep(50);
            }
            chromium.evaluate("window.sameDocument = true");
            while (!search.isDone()) {
                int rows = chromium.evaluate(ROWS).asInt();
                if (seen.isEmpty() || seen.get(seen.size() - 1) != rows) {
                    assertTrue(rows <= TrialJournal.read(out).size(), "rows " + rows + " beyond the journal");
                    seen.add(rows);
                }
                Thread.sleep(200);
            }
            assertEquals(0, search.get(), "search exit status");
            assertTrue(chromium.evaluate("window.sameDocument === true").asBoolean(), "the page was reloaded");
            assertEquals(TRIALS, chromium.evaluate(ROWS).asInt(), "the last state reached the page; seen " + seen);
            assertTrue(
                    chromium.evaluate("document.getElementById('progress').textContent")
                            .asText()
                            .startsWith("Finished: " + TRIALS + "/" + TRIALS + " done"),
                    "progress line");
        }
        assertTrue(seen.size() >= 3, "rows seen while the search ran: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "rows only added: " + seen);
        }
        String report = Files.readString(out.resolve(HtmlReport.FILE_NAME));
        assertEquals(
                TRIALS,
                LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME)).size());
        assertEquals(TRIALS, report.split("<tr class=", -1).length - 1 - headerRows(report), "report.html rows");
        assertFalse(report.contains("<script"), "report.html is the static page");
        assertServerGone(url);
    }

    /** Rows of tables other than the leaderboard that also carry a class (none today; kept honest by counting). */
    private static int headerRows(String report) {
        String leaderboard = report.substring(report.indexOf("<section id=\"leaderboard\""));
        leaderboard = leaderboard.substring(0, leaderboard.indexOf("</section>"));
        return (report.split("<tr class=", -1).length - 1) - (leaderboard.split("<tr class=", -1).length - 1);
    }

    private static void awaitServing(String url, CompletableFuture<Integer> search) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                HttpResponse<String> page = http.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() == 200) {
                    assertTrue(page.body().contains("id=\"progress\""), page.body());
                    return;
                }
            } catch (ConnectException e) {
                // not yet listening
            }
            assertFalse(search.isDone(), "the search ended before its page was served");
            assertTrue(System.nanoTime() < deadline, "no page at " + url);
            Thread.sleep(100);
        }
    }

    private static void assertServerGone(String url) throws Exception {
        try {
            HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("the page is still served after the search");
        } catch (ConnectException expected) {
            // the server stopped with the command
        }
    }
}
