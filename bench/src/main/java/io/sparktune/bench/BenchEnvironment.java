package io.sparktune.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a benchmark ran on, for the results file: cores, CPU model, load average, {@code OMP_NUM_THREADS}, Java,
 * heap, the nd4j-native jar (plain or {@code -avx512} classifier) and the commit. Best effort: unknown parts read
 * "?".
 */
public final class BenchEnvironment {
    private BenchEnvironment() {}

    public static String describe() {
        return String.format(
                Locale.ROOT,
                "%d cores (%s), load average %s at the end; OMP_NUM_THREADS=%s; Java %s, max heap %d MB; "
                        + "%s; commit %s (the working tree may differ)",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                loadAverage(),
                System.getenv("OMP_NUM_THREADS"),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                nd4jNativeJar(),
                commit());
    }

    /** The 1-minute load average, or "?" (other work on this shared machine shows here). */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String nd4jNativeJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p).getFileName().toString())
                .filter(name -> name.matches("nd4j-native-[0-9].*-linux-x86_64.*\\.jar"))
                .findFirst()
                .orElseGet(BenchEnvironment::bundledNd4jNatives);
    }

    /** In the -all.jar the natives have no jar of their own: each classifier has its own directory, name it. */
    private static String bundledNd4jNatives() {
        ClassLoader loader = BenchEnvironment.class.getClassLoader();
        return Stream.of("linux-x86_64-avx512", "linux-x86_64-avx2", "linux-x86_64")
                .filter(platform ->
                        loader.getResource("org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + "/libnd4jcpu.so")
                                != null)
                .map(platform -> "nd4j-native " + platform + " (bundled)")
                .findFirst()
                .orElse("nd4j-native ?");
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "?";
        } catch (IOException | RuntimeException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
