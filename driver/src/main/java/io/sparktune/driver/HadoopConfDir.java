package io.sparktune.driver;

import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The driver's {@code HADOOP_CONF_DIR} read into a Spark context's Hadoop configuration. spark-submit puts that
 * directory on the class path, where Hadoop finds its files; {@code ./sparktune} runs {@code java -jar}, which takes
 * no class path, so the driver adds the files itself. Settings made in code ({@code spark.hadoop.*}) stay on top.
 */
final class HadoopConfDir {
    private static final String[] FILES = {"core-site.xml", "hdfs-site.xml"};

    private HadoopConfDir() {}

    /** {@code conf} with the site files of {@code dir} added (those that exist); unchanged if {@code dir} is null. */
    static Configuration addTo(Configuration conf, String dir) {
        if (dir == null || dir.isBlank()) {
            return conf;
        }
        for (String name : FILES) {
            File file = new File(dir, name);
            if (file.isFile()) {
                conf.addResource(new Path(file.getAbsoluteFile().toURI()));
            }
        }
        return conf;
    }
}
