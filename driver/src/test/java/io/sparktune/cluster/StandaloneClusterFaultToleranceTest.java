package io.sparktune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.cli.Main;
import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Fault tolerance on a real Spark standalone cluster: a Master and two Worker JVMs started by {@code sparktune cluster
 * start}, searches submitted to it from this JVM (the driver), and real processes killed with SIGKILL while trials
 * train. The tests share one cluster and run in order; the worker kill comes last because it leaves one worker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StandaloneClusterFaultToleranceTest {
    private static final int N_ITER = 4;
    private static final int CV = 2;
    /** More trials where two sizes are drawn at random, so both are drawn (with seed 11: 2 of each). */
    private static final int N_ITER_TWO_SIZES = 6;

    @TempDir
    static Path dir;

    private Path clusterDir;
    private ClusterState cluster;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeAll
    void startCluster() throws Exception {
        clusterDir = dir.resolve("cluster");
        int[] ports = LoopbackPorts.free(2);
        assertEquals(
                0,
                sparktune(
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
        cluster = LocalCluster.read(clusterDir).orElseThrow();
    }

    @AfterAll
    void stopCluster() throws Exception {
        background.shutdownNow();
        LocalCluster.stop(clusterDir, Duration.ofSeconds(5));
    }

    @Test
    @Order(1)
    void everyProcessListensOnLoopbackOnly() throws Exception {
        assertEquals(0, sparktune("cluster", "status", "--dir", clusterDir.toString()));
        List<Long> daemons = new java.util.ArrayList<>(cluster.workerPids());
        daemons.add(cluster.masterPid());
        List<LoopbackPorts.Listener> listeners = LoopbackPorts.listenersOf(daemons);
        assertTrue(listeners.size() >= 2 + 2 * 2, "master RPC + UI and each worker's RPC + UI: " + listeners);
        listeners.forEach(l -> assertTrue(l.loopback(), "listens beyond 127.0.0.1: " + l));
    }

    @Test
    @Order(2)
    void aTrialThatCannotFitInMemoryFailsOnceAndTheSearchCompletes() throws Exception {
        // 3 hidden layers of 100,000 neurons: ~2e10 parameters, far beyond a 1 GiB executor. Deterministic, so the
        // worker reports it as a failed trial instead of throwing: Spark must not retry anything.
        Path out = dir.resolve("too-big");
        assertEquals(
                0,
                search(spec("too-big", N_ITER_TWO_SIZES, "n_neurons: {choice: [16, 100000]}", 3), out)
                        .get(3, TimeUnit.MINUTES));

        List<TrialRecord> trials = assertOneRecordPerTrial(out, N_ITER_TWO_SIZES);
        Map<Boolean, List<TrialRecord>> byHuge = trials.stream()
                .collect(Collectors.partitioningBy(t -> ((Number) t.params().get("n_neurons")).intValue() == 100000));
        assertFalse(
                byHuge.get(true).isEmpty() || byHuge.get(false).isEmpty(), "the seed samples both sizes: " + trials);
        byHuge.get(true).forEach(t -> {
            assertEquals(TrialStatus.FAILED, t.status(), t.trialId());
            assertTrue(t.message() != null && !t.message().isBlank(), "a failed trial says why: " + t);
        });
        byHuge.get(false).forEach(t -> assertEquals(TrialStatus.OK, t.status(), t.trialId() + ": " + t.message()));
        List<TaskEvents.End> ended = TaskEvents.ended();
        assertTrue(ended.stream().allMatch(TaskEvents.End::succeeded), "no task attempt failed: " + ended);
        assertEquals(N_ITER_TWO_SIZES * CV, ended.size(), "each split ran exactly once: " + ended);
    }

    @Test
    @Order(3)
    void aKilledExecutorsTaskIsRetriedAndTheSearchCompletes() throws Exception {
        Path out = dir.resolve("executor-killed");
        Future<Integer> search = search(spec("executor-killed", N_ITER, "n_neurons: {int: [64, 128]}", 2), out);
        TaskEvents.Attempt victim =
                TaskEvents.awaitRunning(Duration.ofMillis(150), Duration.ofMillis(500), Duration.ofMinutes(2));
        ProcessHandle executor = WorkerKill.executorProcess(cluster, victim.executorId());
        assertTrue(executor.destroyForcibly(), "SIGKILL sent");
        executor.onExit().get(30, TimeUnit.SECONDS);
        assertEquals(0, search.get(3, TimeUnit.MINUTES));

        assertAllOkAndVictimRetried(out, victim, executor.pid());
    }

    @Test
    @Order(4)
    void aKilledWorkersTasksAreRetriedAndTheSearchCompletes() throws Exception {
        Path out = dir.resolve("worker-killed");
        Future<Integer> search = search(spec("worker-killed", N_ITER, "n_neurons: {int: [64, 128]}", 2), out);
        TaskEvents.Attempt victim =
                TaskEvents.awaitRunning(Duration.ofMillis(150), Duration.ofMillis(500), Duration.ofMinutes(2));
        ProcessHandle executor = WorkerKill.executorProcess(cluster, victim.executorId());
        WorkerKill.killWorkerOf(cluster, executor, search);

        assertAllOkAndVictimRetried(out, victim, executor.pid());
        assertEquals(
                1, sparktune("cluster", "status", "--dir", clusterDir.toString()), "status reports the lost worker");
    }

    /** Runs the command line as {@code ./sparktune} does, in this JVM. */
    private static int sparktune(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    private Future<Integer> search(Path spec, Path out) {
        TaskEvents.reset();
        return background.submit(() -> sparktune(
                "search",
                spec.toString(),
                "--out",
                out.toString(),
                "--master",
                cluster.masterUrl(),
                "--conf",
                "spark.extraListeners=" + TaskEvents.class.getName(),
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.executor.memory=1g"));
    }

    private Path spec(String name, int nIter, String neurons, int hidden) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                task: classification
                %s
                search: {sampler: random, n_iter: %d, cv: %d, seed: 11}
                space:
                  n_hidden: %d
                  %s
                training: {max_epochs: 6, patience: 6, batch_size: 32}
                """.formatted(
                        name, FashionMnist.specTrainData(4000), nIter, CV, hidden, neurons));
    }

    private static List<TrialRecord> assertOneRecordPerTrial(Path out, int nIter) throws Exception {
        List<TrialRecord> trials = TrialJournal.read(out);
        assertEquals(nIter, trials.size(), "one journal line per trial");
        assertEquals(nIter, trials.stream().map(TrialRecord::trialId).distinct().count(), "no duplicate trial ids");
        List<Map<String, String>> rows = LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME));
        assertEquals(nIter, rows.size(), "one leaderboard row per trial");
        assertEquals(nIter, rows.stream().map(r -> r.get("trial_id")).distinct().count(), "no duplicate rows");
        trials.forEach(t -> assertEquals(CV, t.splits().size(), t.trialId()));
        return trials;
    }

    /** All trials ok; the killed attempt ended as lost and its split then succeeded elsewhere. */
    private static void assertAllOkAndVictimRetried(Path out, TaskEvents.Attempt victim, long killedPid)
            throws Exception {
        List<TrialRecord> trials = assertOneRecordPerTrial(out, N_ITER);
        trials.forEach(t -> assertEquals(TrialStatus.OK, t.status(), t.trialId() + ": " + t.message()));
        List<TaskEvents.End> ended = TaskEvents.ended();
        List<TaskEvents.End> sameSplit = ended.stream()
                .filter(e -> e.attempt().trialId().equals(victim.trialId())
                        && e.attempt().split() == victim.split())
                .toList();
        assertTrue(
                sameSplit.stream().anyMatch(e -> e.attempt().taskId() == victim.taskId() && e.executorLost()),
                "the killed attempt ended as lost with its executor: " + sameSplit);
        assertTrue(
                sameSplit.stream().anyMatch(e -> e.succeeded() && e.attempt().attempt() > victim.attempt()),
                "a later attempt of the same split succeeded: " + sameSplit);
        TrialRecord retried = trials.stream()
                .filter(t -> t.trialId().equals(victim.trialId()))
                .findFirst()
                .orElseThrow();
        SplitResult split = retried.splits().stream()
                .filter(s -> s.split() == victim.split())
                .findFirst()
                .orElseThrow();
        assertNotEquals(
                String.valueOf(killedPid),
                split.worker().substring(0, split.worker().indexOf('@')),
                "the recorded result comes from a live executor");
        Set<String> executors = ended.stream()
                .filter(TaskEvents.End::succeeded)
                .map(e -> e.attempt().executorId())
                .collect(Collectors.toSet());
        assertFalse(executors.contains(victim.executorId()) && executors.size() == 1, "other executors did the work");
    }
}
