package io.sparktune.cli;

import io.sparktune.driver.SparkConfs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import picocli.CommandLine.Option;

/** The options of a command that runs on Spark: {@code --master URL} and {@code --conf KEY=VALUE} (repeatable). */
final class SparkOptions {
    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master; default: as spark-submit set it, else " + SparkConfs.DEFAULT_MASTER)
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "extra Spark setting (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    /** True if either option was given. */
    boolean given() {
        return master != null || !conf.isEmpty();
    }

    /** The Spark configuration: these options, with what sparktune needs filled in (see {@link SparkConfs}). */
    SparkConf sparkConf(String appName) {
        return SparkConfs.forSearch(appName, master, conf);
    }
}
