package io.sparktune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.cli.MainForTests;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.FashionMnist;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone master kills the search's application mid-search (its web UI's kill link, as an operator would):
 * the search process ends with one line giving Spark's reason and exit status 3, no stack trace, every finished trial
 * kept; {@code --resume} on the same cluster then completes, each candidate recorded once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ApplicationKilledByMasterTest {
    private static final int N_ITER = 8;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aKilledApplicationEndsInOneLineAndTheSearchResumes() throws Exception {
        Path clusterDir = dir.resolve("cluster");
        int[] ports = LoopbackPorts.free(2);
        assertEquals(
                0,
                MainForTests.run(
                        "cluster",
                        "start",
                        "--dir",
                        clusterDir.toString(),
                        "--workers",
                        "2",
                        "--cores",
                        "1",
                        "--memory",
                        "1g",
                        "--port",
                        String.valueOf(ports[0]),
                        "--ui-port",
                        String.valueOf(ports[1])));
        try {
            ClusterState cluster = LocalCluster.read(clusterDir).orElseThrow();
            Path spec = Files.writeString(
                    dir.resolve("killed-app.yaml"), """
                    name: killed-app
                    task: classification
                    %s
                    search: {n_iter: %d, cv: 2, seed: 3}
                    space:
                      n_neurons: {int: [16, 48]}
                    training: {max_epochs: 3, patience: 3}
                    """.formatted(FashionMnist.specTrainData(1500), N_ITER));
            Path out = dir.resolve("run");
            Path log = dir.resolve("driver.log");
            Process driver = searchInNewJvm(spec, out, cluster.masterUrl(), log);
            try {
                awaitJournalLines(out, 2, driver, log);
                killApplications(cluster.masterUi());
                assertTrue(
                        driver.waitFor(120, TimeUnit.SECONDS),
                        "the search did not end after the kill:\n" + Files.readString(log));
            } finally {
                driver.destroyForcibly();
            }
            String output = Files.readString(log);
            assertEquals(3, driver.exitValue(), output);
            assertTrue(
                    !output.contains("\tat ") && !output.contains("Exception in thread"), "a stack trace:\n" + output);
            List<String> ours = output.lines()
                    .filter(l -> l.startsWith("sparktune: Spark stopped"))
                    .toList();
            assertEquals(1, ours.size(), output);
            assertTrue(ours.get(0).contains("KILLED") && ours.get(0).contains("continue with --resume"), ours.get(0));

            List<TrialRecord> kept = TrialJournal.read(out);
            assertTrue(kept.size() >= 2 && kept.size() < N_ITER, kept.size() + " trials before the kill");
            kept.forEach(t -> assertEquals(TrialStatus.OK, t.status(), "no trial failed because of the kill: " + t));
            assertEquals(
                    kept.size(),
                    LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME)).size());
            assertTrue(ours.get(0).contains(kept.size() + " of " + N_ITER + " trials done"), ours.get(0));

            assertEquals(
                    0,
                    MainForTests.run(
                            "search",
                            spec.toString(),
                            "--out",
                            out.toString(),
                            "--resume",
                            "--quiet",
                            "--master",
                            cluster.masterUrl(),
                            "--conf",
                            "spark.ui.enabled=false",
                            "--conf",
                            "spark.executor.memory=1g"));
            List<TrialRecord> all = TrialJournal.read(out);
            assertEquals(N_ITER, all.size(), "each candidate recorded once");
            assertEquals(
                    N_ITER,
                    all.stream().mapToInt(TrialRecord::trialNumber).distinct().count());
            assertEquals(kept, all.subList(0, kept.size()), "the trials before the kill kept as they were");
            all.forEach(t -> assertEquals(TrialStatus.OK, t.status(), t.trialId() + ": " + t.message()));
        } finally {
            LocalCluster.stop(clusterDir, Duration.ofSeconds(5));
        }
    }

    /** Presses "kill" on every running application of the master's web UI (POST, spark.ui.killEnabled's default). */
    private static void killApplications(String masterUi) throws Exception {
        List<String> apps = MasterStatus.fetch(masterUi).activeApps();
        assertEquals(1, apps.size(), "the search's application runs: " + apps);
        String appId = apps.get(0).substring(0, apps.get(0).indexOf(' '));
        HttpRequest kill = HttpRequest.newBuilder(URI.create(masterUi + "/app/kill/?id=" + appId + "&terminate=true"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        int status = HTTP.send(kill, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertTrue(status == 200 || status == 302, "the kill link answered HTTP " + status);
    }

    private static Process searchInNewJvm(Path spec, Path out, String master, Path log) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Xmx"))
                .toList());
        // the logging of ./sparktune (src/main/resources), not the tests' log4j2-test.properties
        command.add("-Dlog4j2.configurationFile="
                + Path.of(ApplicationKilledByMasterTest.class
                        .getResource("/log4j2.properties")
                        .toURI()));
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "io.sparktune.cli.Main",
                "search",
                spec.toString(),
                "--out",
                out.toString(),
                "--master",
                master,
                "--quiet",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.executor.memory=1g"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitJournalLines(Path out, int lines, Process driver, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(out.resolve(TrialJournal.FILE_NAME))
                || TrialJournal.read(out).size() < lines) {
            assertTrue(driver.isAlive(), "the search ended early:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no trials recorded in time:\n" + Files.readString(log));
            Thread.sleep(100);
        }
    }
}
