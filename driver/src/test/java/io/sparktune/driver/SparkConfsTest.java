package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    }

    @Test
    void theDriverStaysOnLoopbackOnlyWhenEveryExecutorIsOnThisMachine() {
        for (String local : List.of(
                "local",
                "local[2]",
                "local[*]",
                "local[1,2]",
                "local-cluster[2,1,1024]",
                "spark://127.0.0.1:7077",
                "spark://127.0.0.2:7077",
                "spark://localhost:7077",
                "spark://[::1]:7077",
                "spark://127.0.0.1:7077,127.0.0.1:7078")) {
            assertTrue(SparkConfs.isOnThisMachine(local), local);
            SparkConf conf = SparkConfs.forSearch("t", local, Map.of());
            assertEquals("127.0.0.1", conf.get("spark.driver.host"), local);
            assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"), local);
        }
        for (String remote : List.of(
                "spark://10.1.2.3:7077",
                "spark://master.example:7077",
                "yarn",
                "k8s://https://k:6443",
                "spark://127.0.0.1:7077,10.1.2.3:7077",
                "spark://127.0.0.1.example:7077",
                "mesos://m:5050")) {
            assertFalse(SparkConfs.isOnThisMachine(remote), remote);
            SparkConf conf = SparkConfs.forSearch("t", remote, Map.of());
            assertFalse(
                    conf.contains("spark.driver.host") || conf.contains("spark.driver.bindAddress"),
                    remote + ": Spark picks the host's address, where executors elsewhere can reach it");
        }
    }

    @Test
    void aDriverAddressTheUserGaveIsKept() {
        SparkConf remote = SparkConfs.forSearch(
                "t",
                "spark://10.1.2.3:7077",
                Map.of("spark.driver.host", "gateway.example", "spark.driver.bindAddress", "0.0.0.0"));
        assertEquals("gateway.example", remote.get("spark.driver.host"));
        assertEquals("0.0.0.0", remote.get("spark.driver.bindAddress"));
        SparkConf local = SparkConfs.forSearch("t", "local[2]", Map.of("spark.driver.host", "127.0.0.5"));
        assertEquals("127.0.0.5", local.get("spark.driver.host"));
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
        assertEquals(
                SparkConfs.NO_PHYSICAL_BYTES_CHECK + " -XX:ActiveProcessorCount=3", localCluster.get(EXECUTOR_OPTIONS));
        SparkConf cluster = SparkConfs.forSearch("t", "spark://127.0.0.1:7077", Map.of("spark.executor.cores", "4"));
        assertEquals(SparkConfs.NO_PHYSICAL_BYTES_CHECK + " -XX:ActiveProcessorCount=4", cluster.get(EXECUTOR_OPTIONS));
        SparkConf unknown = SparkConfs.forSearch("t", "spark://127.0.0.1:7077", Map.of());
        assertEquals(
                SparkConfs.NO_PHYSICAL_BYTES_CHECK,
                unknown.get(EXECUTOR_OPTIONS),
                "an executor takes what its worker has");
        SparkConf local = SparkConfs.forSearch("t", "local[2]", Map.of());
        assertEquals(SparkConfs.NO_PHYSICAL_BYTES_CHECK, local.get(EXECUTOR_OPTIONS), "local mode has no executor JVM");
    }

    @Test
    void aProcessorCountTheUserChoseIsNotOverridden() {
        SparkConf conf = SparkConfs.forSearch(
                "t", "local-cluster[2,1,1024]", Map.of(EXECUTOR_OPTIONS, "-XX:ActiveProcessorCount=2"));
        assertEquals("-XX:ActiveProcessorCount=2 " + SparkConfs.NO_PHYSICAL_BYTES_CHECK, conf.get(EXECUTOR_OPTIONS));
    }

    @Test
    void localClusterExecutorsGetThisJvmsClassPathUnlessTheUserGaveOne() {
        SparkConf given = SparkConfs.forSearch("t", "local-cluster[2,1,1024]", Map.of());
        assertEquals(System.getProperty("java.class.path"), given.get("spark.executor.extraClassPath"));
        SparkConf own = SparkConfs.forSearch(
                "t", "local-cluster[2,1,1024]", Map.of("spark.executor.extraClassPath", "/opt/jars/*"));
        assertEquals("/opt/jars/*", own.get("spark.executor.extraClassPath"));
        SparkConf remote = SparkConfs.forSearch("t", "spark://127.0.0.1:7077", Map.of());
        assertFalse(remote.contains("spark.executor.extraClassPath"), "a standalone cluster's workers choose theirs");
    }
}
