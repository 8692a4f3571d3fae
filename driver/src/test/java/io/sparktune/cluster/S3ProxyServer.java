package io.sparktune.cluster;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;

/**
 * A real S3 API server for tests: S3Proxy with its file system backend in a temporary directory, authorization on
 * (AWS signature v2 or v4, with an access key and secret made up here), on http://127.0.0.1:PORT. It runs in its own
 * JVM from the jar the build copies to {@code target/s3proxy} (system property {@code s3proxy.jar}), because its
 * jclouds, Jetty and Guava differ from Spark's.
 */
public final class S3ProxyServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path dataDir;
    private final int port;
    private final String accessKey;
    private final String secretKey;

    private S3ProxyServer(Process process, Path dataDir, int port, String accessKey, String secretKey) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts the server, its blobs, configuration and log under {@code dir}; returns once it accepts connections. */
    public static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no S3Proxy jar at " + jar + ": build with Maven (driver's pom copies it there)");
        }
        Path dataDir = Files.createDirectories(dir.resolve("blobs"));
        int port = LoopbackPorts.free(1)[0];
        String accessKey = "AK" + random(8);
        String secretKey = random(20);
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(
                properties,
                String.join(
                                "\n",
                                "s3proxy.endpoint=http://127.0.0.1:" + port,
                                "s3proxy.authorization=aws-v2-or-v4",
                                "s3proxy.identity=" + accessKey,
                                "s3proxy.credential=" + secretKey,
                                "jclouds.provider=filesystem",
                                "jclouds.filesystem.basedir=" + dataDir.toAbsolutePath())
                        + "\n",
                StandardCharsets.UTF_8);
        Path log = dir.resolve("s3proxy.log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        jar.toAbsolutePath().toString(),
                        "org.gaul.s3proxy.Main",
                        "--properties",
                        properties.toAbsolutePath().toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3ProxyServer server = new S3ProxyServer(process, dataDir, port, accessKey, secretKey);
        server.awaitListening(log);
        return server;
    }

    /** Creates an empty bucket (the file system backend keeps each bucket as a directory). */
    public void createBucket(String name) throws IOException {
        Files.createDirectories(dataDir.resolve(name));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public long pid() {
        return process.pid();
    }

    /** The Hadoop settings that point S3A at this server (as {@code spark.hadoop.*} without the prefix). */
    public List<String> s3aSettings() {
        return List.of(
                "fs.s3a.endpoint=" + endpoint(),
                "fs.s3a.path.style.access=true",
                "fs.s3a.connection.ssl.enabled=false",
                "fs.s3a.access.key=" + accessKey,
                "fs.s3a.secret.key=" + secretKey);
    }

    /** A Hadoop configuration with {@link #s3aSettings()}, for clients of this server in the test's JVM. */
    public Configuration s3aConfiguration() {
        Configuration conf = new Configuration();
        for (String setting : s3aSettings()) {
            int equals = setting.indexOf('=');
            conf.set(setting.substring(0, equals), setting.substring(equals + 1));
        }
        return conf;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        "S3Proxy exited with status " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IOException("S3Proxy did not listen on " + endpoint() + " within " + START_TIMEOUT.toSeconds()
                + " s:\n" + Files.readString(log));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
