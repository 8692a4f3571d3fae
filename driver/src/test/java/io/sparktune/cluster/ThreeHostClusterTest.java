package io.sparktune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.cli.MainForTests;
import io.sparktune.records.EpochRecord;
import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three hosts on one machine: a standalone master on 127.0.0.1 and two workers bound to 127.0.0.2 and 127.0.0.3 (Linux
 * routes all of 127.0.0.0/8 to loopback), each with its own work directory; the data only in a real HDFS (NameNode and
 * DataNode in this JVM). An ASHA search keeps its checkpoints on that HDFS, a worker is killed with SIGKILL while a
 * promoted trial trains on it, and the promotion continues from its checkpoint on the other host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ThreeHostClusterTest {
    private static final List<String> WORKER_HOSTS = List.of("127.0.0.2", "127.0.0.3");
    private static final int N_ITER = 4;
    private static final int CV = 2;
    private static final int[] RUNG_EPOCHS = {2, 4, 8};

    @TempDir
    static Path dir;

    private MiniHdfs hdfs;
    private Path clusterDir;
    private ClusterState cluster;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeAll
    void start() throws Exception {
        hdfs = MiniHdfs.start(dir.resolve("hdfs"));
        IdxSubset.write(hdfs.fileSystem(), new org.apache.hadoop.fs.Path("/data/fashion"), 6000);
        clusterDir = dir.resolve("cluster");
        int[] ports = LoopbackPorts.free(2);
        cluster = LocalCluster.start(
                new ClusterSettings(
                        clusterDir,
                        2,
                        1,
                        "1g",
                        ports[0],
                        ports[1],
                        System.getProperty("java.class.path"),
                        WORKER_HOSTS),
                Duration.ofMinutes(2));
    }

    @AfterAll
    void stop() throws Exception {
        background.shutdownNow();
        LocalCluster.stop(clusterDir, Duration.ofSeconds(5));
        if (hdfs != null) {
            hdfs.close();
        }
    }

    @Test
    @Order(1)
    void eachWorkerListensOnItsOwnLoopbackAddressOnly() throws Exception {
        for (int i = 0; i < WORKER_HOSTS.size(); i++) {
            List<LoopbackPorts.Listener> listeners =
                    LoopbackPorts.listenersOf(List.of(cluster.workerPids().get(i)));
            assertTrue(listeners.size() >= 2, "the worker's RPC and web UI: " + listeners);
            for (LoopbackPorts.Listener listener : listeners) {
                assertEquals(WORKER_HOSTS.get(i), LoopbackPorts.dotted(listener.address()), listener.toString());
            }
        }
        List<LoopbackPorts.Listener> masterAndHdfs = LoopbackPorts.listenersOf(
                List.of(cluster.masterPid(), ProcessHandle.current().pid()));
        assertTrue(
                masterAndHdfs.size() >= 2 + 2 + 3, "master RPC + UI, NameNode RPC + HTTP, DataNode: " + masterAndHdfs);
        masterAndHdfs.forEach(l -> assertTrue(l.loopback(), "listens beyond loopback: " + l));
        List<String> registered = MasterStatus.fetch(cluster.masterUi()).aliveWorkers().stream()
                .map(w -> w.webUi().replaceAll("^http://([^:]+):.*$", "$1"))
                .sorted()
                .toList();
        assertEquals(WORKER_HOSTS, registered, "the master sees the workers on their own addresses");
    }

    @Test
    @Order(2)
    void anAshaSearchOnHdfsSurvivesAKilledWorkerAndPromotionsContinueFromTheirCheckpoints() throws Exception {
        Path out = dir.resolve("asha-run");
        String checkpoints = hdfs.uri() + "/ckpt";
        Path spec = Files.writeString(
                dir.resolve("asha.yaml"), """
                name: three-hosts
                task: classification
                %s
                search: {n_iter: %d, cv: %d, seed: 5, scheduler: asha, asha: {min_epochs: 2, reduction_factor: 2}}
                space:
                  n_hidden: 2
                  n_neurons: {int: [128, 256]}
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                training: {max_epochs: 8, patience: 8, batch_size: 8}
                """.formatted(IdxSubset.specData(hdfs.uri() + "/data/fashion"), N_ITER, CV));
        TaskEvents.reset();
        Future<Integer> search = background.submit(() -> MainForTests.run(
                "search",
                spec.toString(),
                "--out",
                out.toString(),
                "--quiet",
                "--master",
                cluster.masterUrl(),
                "--checkpoint-dir",
                checkpoints,
                "--conf",
                "spark.extraListeners=" + TaskEvents.class.getName(),
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.executor.memory=1g"));

        TaskEvents.Attempt victim =
                TaskEvents.awaitRunning(Duration.ofMillis(50), Duration.ofMillis(300), 1, Duration.ofMinutes(2));
        List<String> checkpointFiles = files(hdfs.fileSystem(), "/ckpt/" + victim.trialId());
        assertExecutorsListenOnTheirWorkersAddress();
        ProcessHandle executor = WorkerKill.executorProcess(cluster, victim.executorId());
        WorkerKill.killWorkerOf(cluster, executor, search);

        // the generation the promotion continues from: the previous rung's epochs (Checkpoints' split-K-eNNNN.zip)
        String continuedFrom = "split-%d-e%04d.zip".formatted(victim.split(), RUNG_EPOCHS[victim.segment() - 1]);
        assertTrue(
                checkpointFiles.contains(continuedFrom),
                "the promoted split's checkpoint " + continuedFrom + " is on HDFS: " + checkpointFiles);
        assertFalse(Files.exists(out.resolve("checkpoints")), "no checkpoint on the driver's disk");
        assertEquals(List.of(), files(hdfs.fileSystem(), "/ckpt"), "every retired trial's checkpoints deleted");
        Map<Integer, List<TrialRecord>> byTrial = assertEveryCandidateOnce(out);
        long promoted =
                byTrial.values().stream().filter(records -> records.size() > 1).count();
        assertTrue(promoted >= 1, "some trial was promoted: " + byTrial);
        byTrial.values().forEach(ThreeHostClusterTest::assertEachRungContinuesThePrevious);

        List<TaskEvents.End> sameSplit = TaskEvents.ended().stream()
                .filter(e -> e.attempt().trialId().equals(victim.trialId())
                        && e.attempt().split() == victim.split()
                        && e.attempt().segment() == victim.segment())
                .toList();
        assertTrue(
                sameSplit.stream().anyMatch(e -> e.attempt().taskId() == victim.taskId() && e.executorLost()),
                "the killed attempt ended as lost with its executor: " + sameSplit);
        assertTrue(
                sameSplit.stream().anyMatch(e -> e.succeeded() && e.attempt().attempt() > victim.attempt()),
                "a later attempt of the same split succeeded: " + sameSplit);
        TrialRecord retried = byTrial.values().stream()
                .flatMap(List::stream)
                .filter(t -> t.trialId().equals(victim.trialId()) && t.rung() == victim.segment())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record of the killed promotion " + victim));
        SplitResult split = retried.splits().stream()
                .filter(s -> s.split() == victim.split())
                .findFirst()
                .orElseThrow();
        assertNotEquals(
                String.valueOf(executor.pid()),
                split.worker().substring(0, split.worker().indexOf('@')),
                "the recorded result comes from the other host's executor");
    }

    /** Each running executor's listeners (block manager, RPC) are on its worker's address. */
    private void assertExecutorsListenOnTheirWorkersAddress() throws Exception {
        List<LocalCluster.Executor> executors = LocalCluster.executors(cluster);
        assertEquals(2, executors.size(), "one executor per worker: " + executors);
        for (LocalCluster.Executor executor : executors) {
            long workerPid = executor.process().parent().orElseThrow().pid();
            String host = WORKER_HOSTS.get(cluster.workerPids().indexOf(workerPid));
            List<LoopbackPorts.Listener> listeners =
                    LoopbackPorts.listenersOf(List.of(executor.process().pid()));
            assertFalse(listeners.isEmpty(), "executor " + executor.executorId() + " listens");
            listeners.forEach(l -> assertEquals(host, LoopbackPorts.dotted(l.address()), l.toString()));
        }
    }

    /** Every candidate once per rung it reached, all ok, one leaderboard row each; the records by trial number. */
    private static Map<Integer, List<TrialRecord>> assertEveryCandidateOnce(Path out) throws Exception {
        List<TrialRecord> records = TrialJournal.read(out);
        records.forEach(t -> assertEquals(TrialStatus.OK, t.status(), t.trialId() + ": " + t.message()));
        assertEquals(
                records.size(),
                records.stream()
                        .map(t -> t.trialId() + "/" + t.rung())
                        .distinct()
                        .count(),
                "no trial recorded twice at one rung: " + records);
        Map<Integer, List<TrialRecord>> byTrial =
                records.stream().collect(Collectors.groupingBy(TrialRecord::trialNumber));
        assertEquals(N_ITER, byTrial.size(), "every candidate recorded");
        List<Map<String, String>> rows = LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME));
        assertEquals(N_ITER, rows.size(), "one leaderboard row per candidate");
        assertEquals(
                N_ITER, rows.stream().map(r -> r.get("trial_id")).distinct().count(), "no duplicate rows");
        return byTrial;
    }

    /** Rung r trained to RUNG_EPOCHS[r] epochs, and its per-epoch curve starts with rung r-1's (no restart). */
    private static void assertEachRungContinuesThePrevious(List<TrialRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            TrialRecord record = records.get(i);
            assertEquals(i, record.rung(), record.trialId());
            assertEquals(CV, record.splits().size(), record.trialId());
            for (int split = 0; split < CV; split++) {
                assertEquals(RUNG_EPOCHS[i], record.splits().get(split).epochsRun(), record.trialId() + " rung " + i);
                if (i > 0) {
                    List<EpochRecord> before =
                            records.get(i - 1).splits().get(split).curve();
                    List<EpochRecord> after = record.splits().get(split).curve();
                    assertEquals(
                            before,
                            after.subList(0, before.size()),
                            record.trialId() + " split " + split + " continued from its checkpoint, not restarted");
                }
            }
        }
    }

    private static List<String> files(FileSystem fs, String dir) throws Exception {
        List<String> names = new ArrayList<>();
        if (!fs.exists(new org.apache.hadoop.fs.Path(dir))) {
            return names;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(new org.apache.hadoop.fs.Path(dir), true);
        while (files.hasNext()) {
            names.add(files.next().getPath().getName());
        }
        return names;
    }
}
