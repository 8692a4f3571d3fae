package io.sparktune.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sparktune.results.AtomicFiles;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Spark standalone cluster on this machine: one Master and N Worker JVMs on 127.0.0.1, started from the
 * project's jars. {@link #start} returns once every worker has registered with the master; the processes keep running
 * after this JVM exits, and {@code DIR/cluster.json} records them for {@link #status} and {@link #stop}.
 */
public final class LocalCluster {
    /** Where a started cluster is recorded, inside the cluster directory. */
    public static final String STATE_FILE = "cluster.json";

    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Duration POLL = Duration.ofMillis(250);

    private LocalCluster() {}

    /** One executor JVM of a running application, started by one of the cluster's workers. */
    public record Executor(String executorId, String appId, ProcessHandle process) {}

    /** What {@link #status} found: the recorded cluster, which of its processes live, and the master's own report. */
    public record Status(
            ClusterState state,
            boolean masterAlive,
            List<Long> liveWorkerPids,
            Optional<MasterStatus> master,
            List<Executor> executors) {
        /** True when the master and every worker process are alive and all workers are registered. */
        public boolean healthy() {
            return masterAlive
                    && liveWorkerPids.size() == state.workerPids().size()
                    && master.map(m -> m.alive()
                                    && m.aliveWorkers().size()
                                            == state.workerPids().size())
                            .orElse(false);
        }
    }

    /**
     * Starts a master and the workers, waits (at most {@code timeout} for each step) until all workers are registered.
     * On any failure, stops what it started and throws with the end of the failing daemon's log.
     */
    public static ClusterState start(ClusterSettings settings, Duration timeout)
            throws IOException, InterruptedException {
        Optional<Status> existing = status(settings.dir());
        if (existing.isPresent()
                && (existing.get().masterAlive()
                        || !existing.get().liveWorkerPids().isEmpty())) {
            throw new IOException("a cluster started from " + settings.dir() + " is still running ("
                    + existing.get().state().masterUrl() + "): stop it first");
        }
        requireFree(settings.masterPort(), "--port");
        requireFree(settings.uiPort(), "--ui-port");
        Daemons daemons = new Daemons(settings);
        daemons.prepare();
        String masterUrl = "spark://" + Daemons.HOST + ":" + settings.masterPort();
        String masterUi = "http://" + Daemons.HOST + ":" + settings.uiPort();
        List<Started> started = new ArrayList<>();
        try {
            started.add(new Started("master", daemons.startMaster()));
            awaitRegistered(daemons, started, masterUi, 0, timeout);
            for (int number = 1; number <= settings.workers(); number++) {
                started.add(new Started(Daemons.workerName(number), daemons.startWorker(number, masterUrl)));
            }
            awaitRegistered(daemons, started, masterUi, settings.workers(), timeout);
            List<Long> workerPids = started.subList(1, started.size()).stream()
                    .map(s -> s.process().pid())
                    .toList();
            ClusterState state = new ClusterState(
                    masterUrl, masterUi, started.get(0).process().pid(), workerPids);
            AtomicFiles.write(settings.dir().resolve(STATE_FILE), MAPPER.writeValueAsString(state));
            LOG.debug("cluster started: {}", state);
            return state;
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                terminate(started.get(i).process().toHandle(), Duration.ofSeconds(5));
            }
            throw e;
        }
    }

    /** The cluster recorded in {@code dir}, if any, and what is alive of it. */
    public static Optional<Status> status(Path dir) throws IOException, InterruptedException {
        Optional<ClusterState> recorded = read(dir);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        ClusterState state = recorded.get();
        boolean masterAlive = daemon(state.masterPid(), Daemons.MASTER_CLASS).isPresent();
        List<Long> liveWorkers = state.workerPids().stream()
                .filter(pid -> daemon(pid, Daemons.WORKER_CLASS).isPresent())
                .toList();
        Optional<MasterStatus> master = Optional.empty();
        if (masterAlive) {
            try {
                master = Optional.of(MasterStatus.fetch(state.masterUi()));
            } catch (IOException e) {
                LOG.debug("master UI {} did not answer: {}", state.masterUi(), e.toString());
            }
        }
        return Optional.of(new Status(state, masterAlive, liveWorkers, master, executors(state)));
    }

    /**
     * Stops the workers (and their executors), then the master: SIGTERM, and SIGKILL after {@code grace}. Removes the
     * state and pid files. Returns the number of processes stopped; 0 if no cluster is recorded in {@code dir}.
     */
    public static int stop(Path dir, Duration grace) throws IOException {
        Optional<ClusterState> recorded = read(dir);
        if (recorded.isEmpty()) {
            return 0;
        }
        ClusterState state = recorded.get();
        int stopped = 0;
        for (long pid : state.workerPids()) {
            Optional<ProcessHandle> worker = daemon(pid, Daemons.WORKER_CLASS);
            if (worker.isPresent()) {
                List<ProcessHandle> children = worker.get().descendants().toList();
                terminate(worker.get(), grace);
                children.forEach(child -> terminate(child, grace));
                stopped++;
            }
        }
        Optional<ProcessHandle> master = daemon(state.masterPid(), Daemons.MASTER_CLASS);
        if (master.isPresent()) {
            terminate(master.get(), grace);
            stopped++;
        }
        try (var files = Files.list(dir)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .toList()) {
                Files.deleteIfExists(pidFile);
            }
        }
        Files.deleteIfExists(dir.resolve(STATE_FILE));
        return stopped;
    }

    /** The executor JVMs the cluster's workers are running now. */
    public static List<Executor> executors(ClusterState state) {
        List<Executor> executors = new ArrayList<>();
        for (long pid : state.workerPids()) {
            daemon(pid, Daemons.WORKER_CLASS)
                    .ifPresent(worker -> worker.descendants().forEach(process -> {
                        List<String> args = arguments(process);
                        if (args.contains(Daemons.EXECUTOR_CLASS)) {
                            executors.add(
                                    new Executor(argument(args, "--executor-id"), argument(args, "--app-id"), process));
                        }
                    }));
        }
        return executors;
    }

    /** The cluster recorded in {@code dir}, whether or not it still runs. */
    public static Optional<ClusterState> read(Path dir) throws IOException {
        Path file = dir.resolve(STATE_FILE);
        return Files.exists(file) ? Optional.of(MAPPER.readValue(file.toFile(), ClusterState.class)) : Optional.empty();
    }

    /** The live process {@code pid} if it is still the JVM running {@code mainClass} (pids get reused). */
    static Optional<ProcessHandle> daemon(long pid, String mainClass) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> arguments(p).contains(mainClass));
    }

    /**
     * The command line of {@code process}. Read from {@code /proc/PID/cmdline}, because the JDK's
     * {@code ProcessHandle.Info} gives up on command lines longer than 4 KiB, as Spark's (with their classpath) are.
     */
    static List<String> arguments(ProcessHandle process) {
        try {
            String raw = Files.readString(
                    Path.of("/proc", String.valueOf(process.pid()), "cmdline"), StandardCharsets.UTF_8);
            return List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of(process.info().arguments().orElse(new String[0]));
        }
    }

    /** A daemon this JVM started, by the name of its log and pid files. */
    private record Started(String name, Process process) {}

    /** Waits until the master is alive with at least {@code workers} registered workers, failing if a daemon dies. */
    private static void awaitRegistered(
            Daemons daemons, List<Started> started, String masterUi, int workers, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Started daemon : started) {
                if (!daemon.process().isAlive()) {
                    throw new IOException("the " + daemon.name() + " (pid "
                            + daemon.process().pid() + ") exited with status "
                            + daemon.process().exitValue() + "; end of " + daemons.logFile(daemon.name()) + ":\n"
                            + tail(daemons.logFile(daemon.name())));
                }
            }
            try {
                MasterStatus status = MasterStatus.fetch(masterUi);
                if (status.alive() && status.aliveWorkers().size() >= workers) {
                    return;
                }
            } catch (IOException e) {
                LOG.trace("master not up yet: {}", e.toString());
            }
            Thread.sleep(POLL.toMillis());
        }
        Started last = started.get(started.size() - 1);
        throw new IOException("no " + (workers == 0 ? "master" : workers + " registered workers") + " at " + masterUi
                + " after " + timeout.toSeconds() + " s; end of " + daemons.logFile(last.name()) + ":\n"
                + tail(daemons.logFile(last.name())));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void requireFree(int port, String option) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(Daemons.HOST))) {
            socket.setReuseAddress(true);
        } catch (BindException e) {
            throw new IllegalArgumentException(
                    "port " + port + " on " + Daemons.HOST + " is in use: choose another with " + option, e);
        }
    }

    private static void terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
        }
    }

    private static String argument(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : "?";
    }
}
