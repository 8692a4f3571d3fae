package io.sparktune.cluster;

import io.sparktune.driver.SparkConfs;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Starts Spark's standalone Master and Worker as plain {@code java -cp CLASSPATH MainClass} processes (no Spark
 * distribution needed), the master bound to 127.0.0.1 and each worker to its own loopback address (see
 * {@link ClusterSettings#workerHost}), with their output in {@code DIR/logs/NAME.log} and their pid in
 * {@code DIR/NAME.pid}. The processes outlive the JVM that started them.
 *
 * <p>Executors are started by the workers from {@code DIR/spark-home} (an empty {@code jars/} directory, which Spark's
 * launcher insists on) plus {@code SPARK_DIST_CLASSPATH}, which Spark appends to every executor's classpath: here the
 * same classpath as the daemons, so executors can run sparktune's tasks without shipping a jar.
 */
final class Daemons {
    static final String HOST = ClusterSettings.HOST;
    static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
    static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
    static final String EXECUTOR_CLASS = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

    private static final String LOG_CONFIG = """
            # Spark standalone daemons started by sparktune: INFO to the process output (DIR/logs/NAME.log)
            rootLogger.level = info
            rootLogger.appenderRef.console.ref = console
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n
            logger.jetty.name = org.sparkproject.jetty
            logger.jetty.level = warn
            """;

    private final ClusterSettings settings;

    Daemons(ClusterSettings settings) {
        this.settings = settings;
    }

    Path dir() {
        return settings.dir();
    }

    Path logFile(String name) {
        return dir().resolve("logs").resolve(name + ".log");
    }

    Path pidFile(String name) {
        return dir().resolve(name + ".pid");
    }

    static String workerName(int number) {
        return "worker-" + number;
    }

    /** Creates the directories and the logging configuration the daemons need. */
    void prepare() throws IOException {
        Files.createDirectories(dir().resolve("logs"));
        Files.createDirectories(dir().resolve("work"));
        Files.createDirectories(sparkHome().resolve("jars"));
        Files.writeString(dir().resolve("log4j2.properties"), LOG_CONFIG, StandardCharsets.UTF_8);
    }

    Process startMaster() throws IOException {
        // spark.port.maxRetries=0: fail on an occupied port rather than quietly moving to the next one
        return start(
                "master",
                HOST,
                MASTER_CLASS,
                List.of("-Dspark.port.maxRetries=0"),
                List.of(
                        "--host",
                        HOST,
                        "--port",
                        String.valueOf(settings.masterPort()),
                        "--webui-port",
                        String.valueOf(settings.uiPort())));
    }

    Process startWorker(int number, String masterUrl) throws IOException {
        Path workDir = dir().resolve("work").resolve(workerName(number));
        String host = settings.workerHost(number);
        return start(
                workerName(number),
                host,
                WORKER_CLASS,
                List.of(),
                List.of(
                        "--host",
                        host,
                        "--port",
                        "0",
                        "--webui-port",
                        "0",
                        "--cores",
                        String.valueOf(settings.coresPerWorker()),
                        "--memory",
                        settings.memoryPerWorker(),
                        "--work-dir",
                        workDir.toAbsolutePath().toString(),
                        masterUrl));
    }

    private Process start(String name, String host, String mainClass, List<String> extraJvmOptions, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        command.add("-Dlog4j2.configurationFile="
                + dir().resolve("log4j2.properties").toAbsolutePath());
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-cp", settings.classpath(), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(name).toFile()));
        environment(builder.environment(), host);
        Process process = builder.start();
        Files.writeString(pidFile(name), process.pid() + "\n", StandardCharsets.UTF_8);
        return process;
    }

    private void environment(Map<String, String> env, String host) {
        // Every socket and web UI of a daemon and of its executors on its loopback address (Spark's UIs bind to
        // SPARK_LOCAL_IP; executors inherit their worker's environment)
        env.put("SPARK_LOCAL_IP", host);
        env.put("SPARK_LOCAL_HOSTNAME", host);
        env.put("SPARK_PUBLIC_DNS", host);
        env.put("SPARK_HOME", sparkHome().toAbsolutePath().toString());
        env.put("SPARK_SCALA_VERSION", scalaBinaryVersion());
        env.put("SPARK_DIST_CLASSPATH", settings.classpath());
        // one OpenMP thread per training, also for executors of applications that forget spark.executorEnv
        env.put("OMP_NUM_THREADS", "1");
        env.put(SparkConfs.MMAP_THRESHOLD_VARIABLE, SparkConfs.MMAP_THRESHOLD_BYTES);
    }

    private Path sparkHome() {
        return dir().resolve("spark-home");
    }

    private static String scalaBinaryVersion() {
        String full = scala.util.Properties.versionNumberString();
        return full.substring(0, full.lastIndexOf('.'));
    }
}
