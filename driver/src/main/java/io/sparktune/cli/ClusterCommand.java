package io.sparktune.cli;

import io.sparktune.cluster.ClusterSettings;
import io.sparktune.cluster.ClusterState;
import io.sparktune.cluster.LocalCluster;
import io.sparktune.cluster.MasterStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sparktune cluster start|status|stop}: a real Spark standalone cluster (one Master, N Worker JVMs) on
 * 127.0.0.1, started from the project's own jars; see {@link LocalCluster}.
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = "Start, inspect or stop a Spark standalone cluster on this machine (127.0.0.1 only).",
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Status.class, ClusterCommand.Stop.class})
public final class ClusterCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public void run() {
        commandSpec.commandLine().usage(System.err);
    }

    /** The directory holding a cluster's pid files, logs and work directories. */
    static final class ClusterDir {
        @Option(
                names = "--dir",
                paramLabel = "DIR",
                defaultValue = ".cluster",
                description = "pid files, logs and work directories (default ${DEFAULT-VALUE})")
        Path dir;
    }

    /** {@code cluster start}. */
    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            description = "Start a master and N workers; returns once every worker has registered.")
    static final class Start implements Callable<Integer> {
        @Mixin
        ClusterDir where;

        @Option(
                names = "--workers",
                paramLabel = "N",
                defaultValue = "2",
                description = "worker JVMs (default ${DEFAULT-VALUE})")
        int workers;

        @Option(
                names = "--cores",
                paramLabel = "C",
                defaultValue = "1",
                description = "cores each worker offers, one training per core (default ${DEFAULT-VALUE})")
        int cores;

        @Option(
                names = "--memory",
                paramLabel = "M",
                defaultValue = "2g",
                description =
                        "memory each worker offers its executors; an executor takes spark.executor.memory, 1g unless "
                                + "set (default ${DEFAULT-VALUE})")
        String memory;

        @Option(
                names = "--port",
                paramLabel = "PORT",
                defaultValue = "" + ClusterSettings.DEFAULT_MASTER_PORT,
                description = "master port (default ${DEFAULT-VALUE})")
        int port;

        @Option(
                names = "--ui-port",
                paramLabel = "PORT",
                defaultValue = "" + ClusterSettings.DEFAULT_UI_PORT,
                description = "master web UI port (default ${DEFAULT-VALUE})")
        int uiPort;

        @Option(
                names = "--worker-hosts",
                paramLabel = "ADDRESS",
                split = ",",
                description = "loopback addresses for the workers, used in turn, e.g. 127.0.0.2,127.0.0.3, so that "
                        + "each looks like its own host (default: all on 127.0.0.1)")
        List<String> workerHosts = List.of();

        @Option(
                names = "--timeout",
                paramLabel = "SECONDS",
                defaultValue = "120",
                description =
                        "how long to wait for the master and for the workers to register (default ${DEFAULT-VALUE})")
        int timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            ClusterSettings settings = new ClusterSettings(
                    where.dir,
                    workers,
                    cores,
                    memory,
                    port,
                    uiPort,
                    System.getProperty("java.class.path"),
                    workerHosts);
            ClusterState state = LocalCluster.start(settings, Duration.ofSeconds(timeoutSeconds));
            System.out.println("master:  " + state.masterUrl() + "   (web UI " + state.masterUi() + ", pid "
                    + state.masterPid() + ")");
            System.out.println("workers: " + workers + " x " + cores + " core(s), " + memory
                    + (workerHosts.isEmpty() ? "" : " on " + String.join(",", workerHosts))
                    + "   (pids " + state.workerPids() + ", logs in " + where.dir.resolve("logs") + ")");
            System.out.println("search:  ./sparktune search SPEC --out DIR --master " + state.masterUrl());
            System.out.println("stop:    ./sparktune cluster stop" + dirOption(where.dir));
            return 0;
        }
    }

    /** {@code cluster status}. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Show the master, workers, executors and running applications; exit 1 unless all are up.")
    static final class Status implements Callable<Integer> {
        @Mixin
        ClusterDir where;

        @Override
        public Integer call() throws Exception {
            Optional<LocalCluster.Status> found = LocalCluster.status(where.dir);
            if (found.isEmpty()) {
                System.out.println("no cluster recorded in " + where.dir);
                return CliErrors.FAILED;
            }
            LocalCluster.Status status = found.get();
            ClusterState state = status.state();
            System.out.println("master:  " + state.masterUrl() + "   (web UI " + state.masterUi() + ", pid "
                    + state.masterPid() + ") "
                    + (status.masterAlive()
                            ? status.master().map(MasterStatus::status).orElse("NOT ANSWERING")
                            : "DEAD"));
            System.out.println("workers: " + status.liveWorkerPids().size() + "/"
                    + state.workerPids().size() + " processes alive, "
                    + status.master().map(m -> m.aliveWorkers().size()).orElse(0) + " registered");
            status.master().ifPresent(master -> {
                master.aliveWorkers()
                        .forEach(w -> System.out.println("  " + w.id() + "  " + w.coresUsed() + "/" + w.cores()
                                + " cores used, " + w.memoryMb() + " MiB, UI " + w.webUi()));
                master.activeApps().forEach(app -> System.out.println("application: " + app));
            });
            status.executors()
                    .forEach(e -> System.out.println("executor " + e.executorId() + " of " + e.appId() + " (pid "
                            + e.process().pid() + ")"));
            return status.healthy() ? 0 : CliErrors.FAILED;
        }
    }

    /** {@code cluster stop}. */
    @Command(
            name = "stop",
            mixinStandardHelpOptions = true,
            description = "Stop the workers, their executors and the master.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        ClusterDir where;

        @Option(
                names = "--grace",
                paramLabel = "SECONDS",
                defaultValue = "10",
                description = "wait this long after SIGTERM before SIGKILL (default ${DEFAULT-VALUE})")
        int graceSeconds;

        @Override
        public Integer call() throws Exception {
            if (LocalCluster.read(where.dir).isEmpty()) {
                System.out.println("no cluster recorded in " + where.dir);
                return 0;
            }
            int stopped = LocalCluster.stop(where.dir, Duration.ofSeconds(graceSeconds));
            System.out.println("stopped " + stopped + " process(es) of the cluster in " + where.dir);
            return 0;
        }
    }

    private static String dirOption(Path dir) {
        return dir.equals(Path.of(".cluster")) ? "" : " --dir " + dir;
    }
}
