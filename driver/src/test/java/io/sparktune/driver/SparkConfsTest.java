package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkConfsTest {
    private static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";

    @Test
    void userValuesWinAndDefaultsFillTheRest() {
        SparkConf conf = SparkConfs.forSearch("t", null, Map.of("spark.task.cpus", "2"));
        assertEquals("2", conf.get("spark.task.cpus"));
        assertEquals(SparkConfs.DEFAULT_MASTER, conf.get("spark.master"));
        assertEquals("org.apache.spark.serializer.KryoSerializer", conf.get("spark.serializer"));
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        assertEquals(SparkConfs.NO_PHYSICAL_BYTES_CHECK, conf.get(EXECUTOR_OPTIONS));
        assertEquals("1048576", conf.get("spark.executorEnv.MALLOC_MMAP_THRESHOLD_"));
    }

    @Test
    void executorJavaOptionsOfTheUserAreKeptAndExtended() {
        SparkConf conf = SparkConfs.forSearch("t", "spark://127.0.0.1:7077", Map.of(EXECUTOR_OPTIONS, "-Xss4m"));
        assertEquals("-Xss4m " + SparkConfs.NO_PHYSICAL_BYTES_CHECK, conf.get(EXECUTOR_OPTIONS));
        assertEquals(false, conf.contains("spark.driver.bindAddress"), "a cluster's driver address is the user's");
    }

    @Test
    void aPhysicalBytesLimitTheUserChoseIsNotOverridden() {
        String own = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=8G";
        SparkConf conf = SparkConfs.forSearch("t", "local[1]", Map.of(EXECUTOR_OPTIONS, own));
        assertEquals(own, conf.get(EXECUTOR_OPTIONS));
    }

    @Test
    void executorJvmsAreSizedToTheirCoresWhenTheSettingsFixThem() {
        SparkConf localCluster = SparkConfs.forSearch("t", "local-cluster[2, 3, 1024]", Map.of());
        assertEquals(SparkConfs.NO_PHYSICAL_BYTES_CHECK + " -XX:ActiveProcessorCount=3",
                localCluster.get(EXECUTOR_OPTIONS));
        SparkConf cluster = SparkConfs.forSearch("t", "spark://127.0.0.1:7077", Map.of("spark.executor.cores", "4"));
        assertEquals(SparkConfs.NO_PHYSICAL_BYTES_CHECK + " -XX:ActiveProcessorCount=4", cluster.get(EXECUTOR_OPTIONS));
        SparkConf unknown = SparkConfs.forSearch("t", "spark://127.0.0.1:7077", Map.of());
        assertEquals(SparkConfs.NO_PHYSICAL_BYTES_CHECK, unknown.get(EXECUTOR_OPTIONS),
                "an executor takes what its worker has");
        SparkConf local = SparkConfs.forSearch("t", "local[2]", Map.of());
        assertEquals(SparkConfs.NO_PHYSICAL_BYTES_CHECK, local.get(EXECUTOR_OPTIONS), "local mode has no executor JVM");
    }

    @Test
    void aProcessorCountTheUserChoseIsNotOverridden() {
        SparkConf conf = SparkConfs.forSearch("t", "local-cluster[2,1,1024]",
                Map.of(EXECUTOR_OPTIONS, "-XX:ActiveProcessorCount=2"));
        assertEquals("-XX:ActiveProcessorCount=2 " + SparkConfs.NO_PHYSICAL_BYTES_CHECK, conf.get(EXECUTOR_OPTIONS));
    }
}
