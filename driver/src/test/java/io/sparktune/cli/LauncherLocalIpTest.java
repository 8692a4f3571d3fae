package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./sparktune} keeps the driver on 127.0.0.1 ({@code SPARK_LOCAL_IP}) only for a master on this machine, so
 * that a remote master's executors can reach it. Run with {@code SPARKTUNE_SHOW_LOCAL_IP=1}: it prints the setting and
 * exits before building or starting anything; nothing connects anywhere.
 */
class LauncherLocalIpTest {
    @Test
    void loopbackOnlyForAMasterOnThisMachine() throws Exception {
        assertEquals("127.0.0.1", localIp("search", "spec.yaml", "--out", "run"));
        assertEquals("127.0.0.1", localIp("search", "spec.yaml", "--master", "local[2]"));
        assertEquals("127.0.0.1", localIp("search", "spec.yaml", "--master", "local-cluster[2,1,1024]"));
        assertEquals("127.0.0.1", localIp("search", "spec.yaml", "--master=spark://127.0.0.1:7077"));
        assertEquals("127.0.0.1", localIp("cluster", "start"));
        assertEquals("", localIp("search", "spec.yaml", "--master", "spark://10.1.2.3:7077"));
        assertEquals(
                "",
                localIp(
                        "search",
                        "spec.yaml",
                        "--master=spark://master.example:7077",
                        "--conf",
                        "spark.driver.host=gateway.example"));
        assertEquals("", localIp("retrain", "run", "--spark", "--master", "yarn"));
    }

    private static String localIp(String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", Path.of("..", "sparktune").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SPARK_LOCAL_IP");
        builder.environment().put("SPARKTUNE_SHOW_LOCAL_IP", "1");
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        launcher.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, launcher.exitValue(), output);
        assertEquals(true, output.startsWith("SPARK_LOCAL_IP="), output);
        return output.substring("SPARK_LOCAL_IP=".length());
    }
}
