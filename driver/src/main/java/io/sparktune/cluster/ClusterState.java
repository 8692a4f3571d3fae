package io.sparktune.cluster;

import java.util.List;

/**
 * A started cluster as recorded in {@code DIR/cluster.json}: where to reach it and which processes it is made of.
 */
public record ClusterState(String masterUrl, String masterUi, long masterPid, List<Long> workerPids) {
    public ClusterState {
        workerPids = List.copyOf(workerPids);
    }
}
