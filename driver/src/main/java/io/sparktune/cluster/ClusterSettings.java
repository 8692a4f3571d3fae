package io.sparktune.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sparktune cluster start} starts: {@code workers} Worker JVMs with {@code coresPerWorker} cores and
 * {@code memoryPerWorker} (Spark's size syntax, e.g. {@code 2g}) each, a Master on {@code masterPort} with its web UI
 * on {@code uiPort}, all from {@code classpath}; pid files, logs and work directories under {@code dir}. The master
 * binds to 127.0.0.1; worker N (from 1) to {@code workerHosts[(N - 1) % size]}, 127.0.0.1 when the list is empty:
 * other loopback addresses (Linux routes all of 127.0.0.0/8 to loopback) make workers look like separate hosts.
 */
public record ClusterSettings(
        Path dir,
        int workers,
        int coresPerWorker,
        String memoryPerWorker,
        int masterPort,
        int uiPort,
        String classpath,
        List<String> workerHosts) {
    public static final int DEFAULT_MASTER_PORT = 7077;
    public static final int DEFAULT_UI_PORT = 8080;
    /** The master's address, and every worker's unless {@code workerHosts} says otherwise. */
    public static final String HOST = "127.0.0.1";

    private static final String LOOPBACK_IPV4 = "127(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}";

    /** Every worker on 127.0.0.1. */
    public ClusterSettings(
            Path dir,
            int workers,
            int coresPerWorker,
            String memoryPerWorker,
            int masterPort,
            int uiPort,
            String classpath) {
        this(dir, workers, coresPerWorker, memoryPerWorker, masterPort, uiPort, classpath, List.of());
    }

    public ClusterSettings {
        workerHosts = workerHosts == null ? List.of() : List.copyOf(workerHosts);
        List<String> problems = new ArrayList<>();
        for (String host : workerHosts) {
            if (!host.matches(LOOPBACK_IPV4)) {
                problems.add("--worker-hosts must be loopback IPv4 addresses such as 127.0.0.2 (got " + host + ")");
            }
        }
        if (workers < 1) {
            problems.add("--workers must be >= 1 (got " + workers + ")");
        }
        if (coresPerWorker < 1) {
            problems.add("--cores must be >= 1 (got " + coresPerWorker + ")");
        }
        if (memoryPerWorker == null || !memoryPerWorker.matches("[1-9][0-9]*[mMgG]")) {
            problems.add("--memory must look like 1024m or 2g (got " + memoryPerWorker + ")");
        }
        for (int port : new int[] {masterPort, uiPort}) {
            if (port < 1 || port > 65535) {
                problems.add("port must be in [1, 65535] (got " + port + ")");
            }
        }
        if (masterPort == uiPort) {
            problems.add("--port and --ui-port must differ (both " + masterPort + ")");
        }
        if (classpath == null || classpath.isBlank()) {
            problems.add("no classpath to start Spark from");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The address worker {@code number} (from 1) binds to. */
    public String workerHost(int number) {
        return workerHosts.isEmpty() ? HOST : workerHosts.get((number - 1) % workerHosts.size());
    }
}
