package io.sparktune.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sparktune cluster start} starts: {@code workers} Worker JVMs with {@code coresPerWorker} cores and
 * {@code memoryPerWorker} (Spark's size syntax, e.g. {@code 2g}) each, a Master on {@code masterPort} with its web UI on
 * {@code uiPort}, all on 127.0.0.1, all from {@code classpath}; pid files, logs and work directories under {@code dir}.
 */
public record ClusterSettings(Path dir, int workers, int coresPerWorker, String memoryPerWorker, int masterPort,
                              int uiPort, String classpath) {
    public static final int DEFAULT_MASTER_PORT = 7077;
    public static final int DEFAULT_UI_PORT = 8080;

    public ClusterSettings {
        List<String> problems = new ArrayList<>();
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
}
