package io.sparktune.driver;

import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark settings a search needs. Values given by the user (spark-submit, {@code --conf}) win; these only fill
 * what is missing.
 */
public final class SparkConfs {
    /** Used when neither spark-submit nor {@code --master} chose a master: all local cores. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkConfs() {
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
        if (conf.get("spark.master").startsWith("local")) {
            // Nothing of a local search listens beyond this machine.
            setIfMissing(conf, "spark.driver.host", "127.0.0.1");
            setIfMissing(conf, "spark.driver.bindAddress", "127.0.0.1");
            setIfMissing(conf, "spark.ui.enabled", "false");
        }
        return conf;
    }

    private static void setIfMissing(SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            conf.set(key, value);
        }
    }
}
