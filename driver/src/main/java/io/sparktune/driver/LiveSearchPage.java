package io.sparktune.driver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.report.HtmlReport;
import io.sparktune.results.report.LivePage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code search --ui}: the report page of the running search, served by the JDK's own HTTP server on 127.0.0.1 only,
 * rendered from the run directory and the progress line at each request ({@link HtmlReport#page}, {@link LivePage}).
 * Like Spark's UI it takes the next port when one is in use. Closing it lets an open page fetch the final state
 * (the search over) before the server stops.
 */
public final class LiveSearchPage implements AutoCloseable {
    /** The port asked for by a bare {@code --ui}: beside Spark's UI (4040 and the next ones). */
    public static final int DEFAULT_PORT = 4050;
    /** Ports tried from the one asked for, as Spark's {@code spark.port.maxRetries}. */
    static final int PORT_ATTEMPTS = 16;
    /** How long closing waits for an open page to fetch the final state: a bit over the page's refresh period. */
    private static final long LAST_VIEW_MILLIS = 3000;

    private static final Logger LOG = LoggerFactory.getLogger(LiveSearchPage.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path runDir;
    private final ProgressLog progress;
    private final AtomicLong pagesServed = new AtomicLong();
    // the last page drawn, for which journal state, with which status (only the server's one thread uses them)
    private String drawn;
    private String drawnFor;
    private LivePage.Status drawnStatus;

    private LiveSearchPage(HttpServer server, Path runDir, ProgressLog progress) {
        this.server = server;
        this.runDir = runDir;
        this.progress = progress;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sparktune-live-page");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves the page of the search in {@code runDir} on 127.0.0.1:{@code port}, or the first free one of the
     * {@link #PORT_ATTEMPTS} ports from it; {@code port} 0 takes any free port.
     */
    public static LiveSearchPage start(Path runDir, ProgressLog progress, int port) throws IOException {
        int attempts = port == 0 ? 1 : PORT_ATTEMPTS;
        for (int i = 0; i < attempts; i++) {
            try {
                InetSocketAddress address =
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port == 0 ? 0 : port + i);
                return new LiveSearchPage(HttpServer.create(address, 0), runDir, progress);
            } catch (BindException e) {
                LOG.debug("port {} is in use", port + i);
            }
        }
        throw new IOException("ports " + port + "-" + (port + attempts - 1) + " on 127.0.0.1 are all in use: pass "
                + "--ui PORT (0 for any free port)");
    }

    /** The page's address, e.g. {@code http://127.0.0.1:4050/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/index.html")) {
                respond(exchange, 404, "text/plain", "not found: " + path + " (the page is at /)");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, "text/plain", "only GET");
            } else {
                String page;
                try {
                    page = page(new LivePage.Status(progress.statusLine(), progress.isRunning()));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("cannot render the page now", e);
                    respond(exchange, 503, "text/plain", "the page cannot be drawn now (" + e.getMessage() + ")");
                    return;
                }
                respond(exchange, 200, "text/html; charset=utf-8", page);
                pagesServed.incrementAndGet();
            }
        }
    }

    /**
     * The page with {@code status}: drawn again only when the journal changed or the search ended (the charts and
     * the importance table take a while on a long search), else the last one with its progress line replaced.
     */
    private String page(LivePage.Status status) throws IOException {
        Path journal = runDir.resolve(TrialJournal.FILE_NAME);
        String key = Files.exists(journal) ? Files.size(journal) + "@" + Files.getLastModifiedTime(journal) : "none";
        key += status.running() ? "" : " finished";
        if (!key.equals(drawnFor)) {
            drawn = HtmlReport.page(runDir, status);
            drawnFor = key;
            drawnStatus = status;
        }
        return drawn.replace(LivePage.progress(drawnStatus), LivePage.progress(status));
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Once a page has been viewed, waits (a few seconds at most) until it has fetched the final state, then stops. */
    @Override
    public void close() throws InterruptedException {
        long viewed = pagesServed.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LAST_VIEW_MILLIS);
        while (viewed > 0 && pagesServed.get() == viewed && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
