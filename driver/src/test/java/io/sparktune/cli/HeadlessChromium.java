package io.sparktune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium showing one page, driven over the Chrome DevTools Protocol (its WebSocket, with the JDK's
 * own client): {@link #evaluate} runs an expression in the page as it is now, without reloading it.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final String BINARY = System.getProperty("chromium.binary", "chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts Chromium on {@code url} with a fresh profile under {@code workDir}. */
    static HeadlessChromium open(String url, Path workDir) throws Exception {
        Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
        Process process = new ProcessBuilder(
                        BINARY,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        url)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(workDir.resolve("chromium.log").toFile())
                .start();
        try {
            Path activePort = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(activePort) || Files.readAllLines(activePort).isEmpty()) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("Chromium did not open its DevTools port: "
                            + Files.readString(workDir.resolve("chromium.log")));
                }
                Thread.sleep(100);
            }
            int port = Integer.parseInt(Files.readAllLines(activePort).get(0).trim());
            HttpClient http = HttpClient.newHttpClient();
            String pageSocket = null;
            while (pageSocket == null) {
                JsonNode targets = JSON.readTree(http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                for (JsonNode target : targets) {
                    if ("page".equals(target.path("type").asText())
                            && target.path("url").asText().startsWith(url)) {
                        pageSocket = target.get("webSocketDebuggerUrl").asText();
                    }
                }
                if (pageSocket == null && System.nanoTime() > deadline) {
                    throw new IllegalStateException("Chromium has no page at " + url + ": " + targets);
                }
                Thread.sleep(100);
            }
            HeadlessChromium[] self = new HeadlessChromium[1];
            WebSocket socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(pageSocket), new Listener(() -> self[0]))
                    .get(30, TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(process, socket);
            return self[0];
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The value of {@code expression} evaluated in the page now (awaiting it if it is a promise). */
    JsonNode evaluate(String expression) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode call = JSON.createObjectNode().put("id", id).put("method", "Runtime.evaluate");
        call.putObject("params")
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true);
        socket.sendText(JSON.writeValueAsString(call), true).get(30, TimeUnit.SECONDS);
        JsonNode result = reply.get(30, TimeUnit.SECONDS);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    private void received(String message) {
        try {
            JsonNode reply = JSON.readTree(message);
            if (reply.has("id")) {
                CompletableFuture<JsonNode> future =
                        pending.remove(reply.get("id").asInt());
                if (future != null) {
                    future.complete(reply.has("error") ? reply : reply.get("result"));
                }
            }
        } catch (Exception e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Joins the fragments of each WebSocket message and hands whole messages on. */
    private record Listener(java.util.function.Supplier<HeadlessChromium> owner, StringBuilder partial)
            implements WebSocket.Listener {
        Listener(java.util.function.Supplier<HeadlessChromium> owner) {
            this(owner, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                HeadlessChromium chromium = owner.get();
                if (chromium != null) {
                    chromium.received(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
