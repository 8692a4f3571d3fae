package io.sparktune.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a standalone Master reports about itself on its web UI's {@code /json/} endpoint: its state, its URL, the
 * alive workers and the running applications.
 */
public record MasterStatus(String status, String url, List<Worker> aliveWorkers, List<String> activeApps) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One registered worker: its id, web UI, cores (total and used) and memory in MiB. */
    public record Worker(String id, String webUi, int cores, int coresUsed, int memoryMb) {}

    public MasterStatus {
        aliveWorkers = List.copyOf(aliveWorkers);
        activeApps = List.copyOf(activeApps);
    }

    /** Asks the master whose web UI is at {@code uiAddress} (e.g. {@code http://127.0.0.1:8080}). */
    public static MasterStatus fetch(String uiAddress) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uiAddress + "/json/"))
                .timeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uiAddress + "/json/ answered HTTP " + response.statusCode());
        }
        return parse(MAPPER.readTree(response.body()));
    }

    static MasterStatus parse(JsonNode json) {
        List<Worker> workers = new ArrayList<>();
        for (JsonNode worker : json.path("workers")) {
            if ("ALIVE".equals(worker.path("state").asText())) {
                workers.add(new Worker(
                        worker.path("id").asText(),
                        worker.path("webuiaddress").asText(),
                        worker.path("cores").asInt(),
                        worker.path("coresused").asInt(),
                        worker.path("memory").asInt()));
            }
        }
        List<String> apps = new ArrayList<>();
        for (JsonNode app : json.path("activeapps")) {
            apps.add(app.path("id").asText() + " (" + app.path("name").asText() + ")");
        }
        return new MasterStatus(json.path("status").asText(), json.path("url").asText(), workers, apps);
    }

    public boolean alive() {
        return "ALIVE".equals(status);
    }
}
