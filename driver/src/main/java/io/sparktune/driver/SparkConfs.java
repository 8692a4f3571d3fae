package io.sparktune.driver;

import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;

/**
 * The Spark settings a search needs. Values given by the user (spark-submit, {@code --conf}) win; these only fill
 * what is missing.
 */
public final class SparkConfs {
    /** Used when neither spark-submit nor {@code --master} chose a master: all local cores. */
    public static final String DEFAULT_MASTER = "local[*]";
    /** Switches off JavaCPP's per-allocation check of physical memory; also set by the launcher and the tests. */
    public static final String NO_PHYSICAL_BYTES_CHECK = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0";
    /**
     * glibc's mmap threshold, fixed: native allocations of 1 MiB or more (a split's features) each in a mapping of
     * their own, returned to the system when freed. By default glibc raises the threshold after the first big free,
     * and the features each split allocates and frees then fragment its heap: executor RSS +27 % over 200 trials
     * (bench/NOTES.md). Set for executors here; also by {@code ./sparktune} and {@code deploy/bin/submit} (a local
     * search's executor is their JVM), the standalone-cluster daemons and the tests.
     */
    public static final String MMAP_THRESHOLD_VARIABLE = "MALLOC_MMAP_THRESHOLD_";

    public static final String MMAP_THRESHOLD_BYTES = "1048576";
    /** Spark's own pattern for {@code local-cluster[executors, coresPerExecutor, memoryMiB]}. */
    private static final Pattern LOCAL_CLUSTER =
            Pattern.compile("local-cluster\\[\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*]");

    private static final String EXECUTOR_JAVA_OPTIONS = "spark.executor.extraJavaOptions";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String STANDALONE = "spark://";
    private static final String HADOOP_PREFIX = "spark.hadoop.";
    /** {@code host:port} of a standalone master URL; an IPv6 host in brackets. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9a-fA-F:]+]|[^:/\\[\\]]+)(:[0-9]+)?/?");

    private SparkConfs() {}

    /**
     * The Hadoop configuration a Spark context would give a job with these settings, for commands that read data
     * without one ({@code validate}, {@code retrain}, {@code evaluate}): Hadoop's defaults, the files of
     * {@code HADOOP_CONF_DIR}, and every {@code spark.hadoop.KEY} setting as {@code KEY}.
     */
    public static Configuration hadoopConfiguration(Map<String, String> userConf) {
        Configuration hadoop = HadoopConfDir.addTo(new Configuration(), System.getenv("HADOOP_CONF_DIR"));
        userConf.forEach((key, value) -> {
            if (key.startsWith(HADOOP_PREFIX)) {
                hadoop.set(key.substring(HADOOP_PREFIX.length()), value);
            }
        });
        return hadoop;
    }

    public static SparkConf forSearch(String appName, String master, Map<String, String> userConf) {
        SparkConf conf = new SparkConf().setAppName(appName);
        userConf.forEach(conf::set);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        setIfMissing(conf, "spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        setIfMissing(conf, "spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator");
        // One training per core, each with one OpenMP thread: more threads per JVM fight each other (2.7x slower).
        setIfMissing(conf, "spark.executorEnv.OMP_NUM_THREADS", "1");
        setIfMissing(conf, "spark.task.cpus", "1");
        setIfMissing(conf, "spark.executorEnv." + MMAP_THRESHOLD_VARIABLE, MMAP_THRESHOLD_BYTES);
        // JavaCPP checks the process's RSS on every native allocation (to call System.gc() near a limit): 5-14 % of a
        // small network's training step (bench/NOTES.md). ND4J's own memory limit stays in force.
        appendJavaOption(conf, EXECUTOR_JAVA_OPTIONS, NO_PHYSICAL_BYTES_CHECK);
        // An executor's JVM sized to its cores, as a container would size it. Sized to the machine, a 1-core executor
        // runs G1's parallel and concurrent GC threads beside its neighbours' training (scaling, bench/NOTES.md).
        executorCores(conf)
                .ifPresent(cores -> appendJavaOption(conf, EXECUTOR_JAVA_OPTIONS, "-XX:ActiveProcessorCount=" + cores));
        String chosen = conf.get("spark.master");
        if (isOnThisMachine(chosen)) {
            // Nothing of a search on this machine listens beyond it. Any other master's executors must reach the
            // driver: Spark's own choice then (the host's address), or the user's spark.driver.host / bindAddress.
            setIfMissing(conf, "spark.driver.host", LOOPBACK);
            setIfMissing(conf, "spark.driver.bindAddress", LOOPBACK);
        }
        if (chosen.startsWith("local")) {
            setIfMissing(conf, "spark.ui.enabled", "false");
        }
        if (chosen.startsWith("local-cluster[")) {
            // Its executor JVMs run on this machine from SPARK_HOME/jars, which ./sparktune leaves empty: they get
            // this JVM's class path (the -all.jar), which holds everything a task needs
            setIfMissing(conf, "spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        return conf;
    }

    /**
     * Whether every executor of {@code master} runs on this machine, so the driver can bind to 127.0.0.1: local and
     * local-cluster masters, and a standalone master on a loopback address ({@code sparktune cluster start}'s), whose
     * workers can only be on this machine. Host names other than {@code localhost} are not resolved: a standalone
     * master named otherwise may have workers anywhere. {@code ./sparktune} makes the same decision for
     * {@code SPARK_LOCAL_IP}.
     */
    public static boolean isOnThisMachine(String master) {
        if (master.equals("local") || master.startsWith("local[") || master.startsWith("local-cluster[")) {
            return true;
        }
        if (!master.startsWith(STANDALONE)) {
            return false;
        }
        for (String hostAndPort : master.substring(STANDALONE.length()).split(",")) {
            Matcher address = HOST_AND_PORT.matcher(hostAndPort.trim());
            if (!address.matches() || !isLoopback(address.group(1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost")
                || host.equals("[::1]")
                || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    }

    /** The cores of each executor when the settings fix them: {@code spark.executor.cores}, or a local-cluster's. */
    static OptionalInt executorCores(SparkConf conf) {
        if (conf.contains("spark.executor.cores")) {
            return OptionalInt.of(conf.getInt("spark.executor.cores", 1));
        }
        Matcher localCluster = LOCAL_CLUSTER.matcher(conf.get("spark.master"));
        return localCluster.matches() ? OptionalInt.of(Integer.parseInt(localCluster.group(2))) : OptionalInt.empty();
    }

    private static void appendJavaOption(SparkConf conf, String key, String option) {
        String current = conf.get(key, "").trim();
        if (!current.contains(option.substring(0, option.indexOf('=') + 1))) {
            conf.set(key, current.isEmpty() ? option : current + " " + option);
        }
    }

    private static void setIfMissing(SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            conf.set(key, value);
        }
    }
}
