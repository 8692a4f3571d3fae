package io.sparktune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the local cluster that need no process: settings validation and reading the master's report. */
class ClusterSettingsAndStatusTest {

    @Test
    void rejectsEveryBadSettingAtOnce() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new ClusterSettings(Path.of(".cluster"), 0, 0, "2x", 7077, 7077, "cp"));
        for (String problem : List.of("--workers", "--cores", "--memory", "must differ")) {
            assertTrue(e.getMessage().contains(problem), e.getMessage());
        }
        new ClusterSettings(Path.of(".cluster"), 2, 1, "1024m", 7077, 8080, "cp");
    }

    @Test
    void workersTakeTheirLoopbackAddressesInTurnAndNothingElse() {
        ClusterSettings settings = new ClusterSettings(
                Path.of(".cluster"), 3, 1, "1g", 7077, 8080, "cp", List.of("127.0.0.2", "127.0.0.3"));
        assertEquals(
                List.of("127.0.0.2", "127.0.0.3", "127.0.0.2"),
                List.of(settings.workerHost(1), settings.workerHost(2), settings.workerHost(3)));
        assertEquals("127.0.0.1", new ClusterSettings(Path.of(".cluster"), 2, 1, "1g", 7077, 8080, "cp").workerHost(2));
        for (String host : List.of("10.0.0.2", "0.0.0.0", "127.0.0.256", "localhost")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> new ClusterSettings(
                            Path.of(".cluster"), 2, 1, "1g", 7077, 8080, "cp", List.of("127.0.0.2", host)));
            assertTrue(
                    e.getMessage().contains("--worker-hosts") && e.getMessage().contains(host), e.getMessage());
        }
    }

    @Test
    void readsAliveWorkersAndApplicationsFromTheMastersJson() throws Exception {
        // as Spark 3.5.7's master answers on /json/ (trimmed), one worker dead
        MasterStatus status = MasterStatus.parse(new ObjectMapper().readTree("""
                {"url": "spark://127.0.0.1:17077", "status": "ALIVE", "aliveworkers": 1,
                 "workers": [
                   {"id": "worker-1", "host": "127.0.0.1", "webuiaddress": "http://127.0.0.1:18081", "cores": 2,
                    "coresused": 1, "memory": 1024, "state": "ALIVE"},
                   {"id": "worker-2", "host": "127.0.0.1", "webuiaddress": "http://127.0.0.1:18082", "cores": 1,
                    "coresused": 0, "memory": 1024, "state": "DEAD"}],
                 "activeapps": [{"id": "app-1", "name": "sparktune small"}]}
                """));
        assertTrue(status.alive());
        assertEquals("spark://127.0.0.1:17077", status.url());
        assertEquals(
                List.of(new MasterStatus.Worker("worker-1", "http://127.0.0.1:18081", 2, 1, 1024)),
                status.aliveWorkers());
        assertEquals(List.of("app-1 (sparktune small)"), status.activeApps());
        assertFalse(MasterStatus.parse(new ObjectMapper().readTree("{\"status\": \"RECOVERING\"}"))
                .alive());
    }
}
