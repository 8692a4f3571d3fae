package io.sparktune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Kills a whole worker of a local standalone cluster under a running search, as a lost node would be lost. */
final class WorkerKill {
    private WorkerKill() {}

    /** The JVM of executor {@code executorId}, one of the cluster's workers' children. */
    static ProcessHandle executorProcess(ClusterState cluster, String executorId) {
        return LocalCluster.executors(cluster).stream()
                .filter(e -> e.executorId().equals(executorId))
                .map(LocalCluster.Executor::process)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no process for executor " + executorId));
    }

    /**
     * SIGKILLs the worker that runs {@code executor}, waits until the executor has exited too (Spark's WorkerWatcher
     * ends it), and asserts that {@code search} still ends with status 0.
     */
    static void killWorkerOf(ClusterState cluster, ProcessHandle executor, Future<Integer> search) throws Exception {
        ProcessHandle worker = executor.parent().orElseThrow();
        assertTrue(cluster.workerPids().contains(worker.pid()), "the executor's parent is one of our workers");
        try {
            assertTrue(worker.destroyForcibly(), "SIGKILL sent");
            worker.onExit().get(30, TimeUnit.SECONDS);
            executor.onExit().get(60, TimeUnit.SECONDS);
            assertEquals(0, search.get(3, TimeUnit.MINUTES));
        } finally {
            executor.destroyForcibly();
        }
    }
}
