package io.sparktune.cluster;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS for tests: Hadoop's own NameNode and one DataNode (MiniDFSCluster, the Hadoop version of Spark's client)
 * in this JVM, storing their blocks under a temporary directory, every RPC, data and HTTP port on 127.0.0.1.
 */
final class MiniHdfs implements AutoCloseable {
    private static final String[] LOOPBACK_ADDRESS_KEYS = {
        "dfs.namenode.http-address",
        "dfs.namenode.https-address",
        "dfs.namenode.secondary.http-address",
        "dfs.datanode.address",
        "dfs.datanode.http.address",
        "dfs.datanode.https.address",
        "dfs.datanode.ipc.address",
    };

    private final MiniDFSCluster cluster;

    private MiniHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts a NameNode and a DataNode with their storage under {@code baseDir}; returns once both are up. */
    static MiniHdfs start(Path baseDir) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
        for (String key : LOOPBACK_ADDRESS_KEYS) {
            conf.set(key, "127.0.0.1:0");
        }
        conf.setInt("dfs.replication", 1);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf)
                .numDataNodes(1)
                .nameNodePort(0)
                .nameNodeHttpPort(0)
                .build();
        cluster.waitActive();
        return new MiniHdfs(cluster);
    }

    /** {@code hdfs://127.0.0.1:PORT}: the file system's URI without a path. */
    String uri() {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    /** A client of this HDFS. */
    FileSystem fileSystem() throws IOException {
        return cluster.getFileSystem();
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
