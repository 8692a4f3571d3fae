package io.sparktune.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Free ports on 127.0.0.1, and which addresses given processes listen on (read from Linux's /proc). */
public final class LoopbackPorts {
    private static final String LISTEN = "0A";

    private LoopbackPorts() {}

    /** A listening TCP socket: its local address in /proc's hex form, and whether that is in 127.0.0.0/8 or ::1. */
    public record Listener(long pid, String address, int port, boolean loopback) {}

    /** {@code count} distinct ports that were free on 127.0.0.1 a moment ago. */
    public static int[] free(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** The listening TCP sockets (IPv4 and IPv6) owned by the processes {@code pids}. */
    public static List<Listener> listenersOf(List<Long> pids) throws IOException {
        List<Listener> listeners = new ArrayList<>();
        for (long pid : pids) {
            Set<String> inodes = socketInodes(pid);
            for (String table : List.of("tcp", "tcp6")) {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[3].equals(LISTEN) && inodes.contains(f[9])) {
                        String[] local = f[1].split(":");
                        listeners.add(
                                new Listener(pid, local[0], Integer.parseInt(local[1], 16), isLoopback(local[0])));
                    }
                }
            }
        }
        return listeners;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor closed meanwhile
                }
            }
        }
        return inodes;
    }

    /**
     * 127.x.y.z as /proc writes it, in host byte order: {@code ZZYYXX7F} (IPv4) or the IPv4-mapped IPv6 form; or ::1.
     */
    public static boolean isLoopback(String hex) {
        return hex.matches("[0-9A-F]{6}7F")
                || hex.matches("0000000000000000FFFF0000[0-9A-F]{6}7F")
                || hex.equals("00000000000000000000000001000000");
    }

    /** The dotted form of an IPv4 (or IPv4-mapped) address in /proc's hex form, e.g. {@code 0200007F} = 127.0.0.2. */
    public static String dotted(String hex) {
        String v4 = hex.substring(hex.length() - 8);
        return Integer.parseInt(v4.substring(6, 8), 16) + "." + Integer.parseInt(v4.substring(4, 6), 16) + "."
                + Integer.parseInt(v4.substring(2, 4), 16) + "." + Integer.parseInt(v4.substring(0, 2), 16);
    }
}
