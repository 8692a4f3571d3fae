package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HADOOP_CONF_DIR's site files are read into the driver's configuration; settings made in code stay on top. */
class HadoopConfDirTest {
    @TempDir
    Path dir;

    @Test
    void addsTheSiteFilesUnderTheSettingsMadeInCode() throws Exception {
        Files.writeString(
                dir.resolve("core-site.xml"),
                site("fs.defaultFS", "hdfs://namenode.example:8020")
                        .replace(
                                "</configuration>", property("sparktune.test.both", "from-file") + "</configuration>"));
        Files.writeString(dir.resolve("hdfs-site.xml"), site("dfs.replication", "2"));
        Configuration conf = new Configuration(false);
        conf.set("sparktune.test.both", "from-spark-conf");

        HadoopConfDir.addTo(conf, dir.toString());

        assertEquals("hdfs://namenode.example:8020", conf.get("fs.defaultFS"));
        assertEquals("2", conf.get("dfs.replication"));
        assertEquals("from-spark-conf", conf.get("sparktune.test.both"));
    }

    @Test
    void noDirectoryLeavesTheConfigurationAsItIs() {
        Configuration conf = new Configuration(false);
        HadoopConfDir.addTo(conf, null);
        assertEquals(null, conf.get("fs.defaultFS"));
    }

    private static String site(String name, String value) {
        return "<?xml version=\"1.0\"?>\n<configuration>" + property(name, value) + "</configuration>\n";
    }

    private static String property(String name, String value) {
        return "<property><name>" + name + "</name><value>" + value + "</value></property>";
    }
}
