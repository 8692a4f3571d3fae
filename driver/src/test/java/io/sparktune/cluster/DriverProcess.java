package io.sparktune.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Runs the sparktune command line in its own JVM (this JVM's class path and environment) with everything it prints,
 * its logs at INFO included, in one file: for tests that check what a real run writes to its output.
 */
final class DriverProcess {
    private static final String INFO_LOGS = """
            rootLogger.level = info
            rootLogger.appenderRef.stderr.ref = stderr
            appender.stderr.type = Console
            appender.stderr.name = stderr
            appender.stderr.target = SYSTEM_ERR
            appender.stderr.layout.type = PatternLayout
            appender.stderr.layout.pattern = %d{HH:mm:ss} %-5p %c{1}: %m%n
            """;

    private DriverProcess() {}

    /** Runs {@code sparktune ARGS}, output and logs to {@code output}; returns the exit code. */
    static int run(Path output, Duration timeout, String... args) throws IOException, InterruptedException {
        Path logConfig = output.resolveSibling(output.getFileName() + ".log4j2.properties");
        Files.writeString(logConfig, INFO_LOGS, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        command.add("-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.sparktune.cli.Main"));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("sparktune " + String.join(" ", args) + " still ran after " + timeout.toSeconds()
                    + " s; its output: " + output);
        }
        return process.exitValue();
    }
}
