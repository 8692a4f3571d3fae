package io.sparktune.driver;

import io.sparktune.worker.data.HadoopFiles;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The settings of the job's Hadoop configuration that differ from Hadoop's defaults: the driver's
 * {@code spark.hadoop.*} settings, its {@code HADOOP_CONF_DIR} files and what Spark itself adds. A few entries, so
 * they travel inside every task's function (no broadcast: a broadcast made while the cluster manager removes the
 * application can block the driver for ever), and each executor JVM turns them back into one configuration.
 */
public final class JobHadoopSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The last configuration built in this JVM, with the settings it was built from: tasks of a search share it. */
    private static volatile Built last;

    private final SortedMap<String, String> settings;

    private JobHadoopSettings(SortedMap<String, String> settings) {
        this.settings = settings;
    }

    private record Built(SortedMap<String, String> settings, Configuration configuration) {}

    /**
     * The Hadoop configuration of a Spark context that just started ({@code spark.hadoop.*}, with the driver's
     * {@code HADOOP_CONF_DIR} added), installed in {@link HadoopFiles} for this JVM's reads; returns its settings for
     * the tasks to carry to the executors.
     */
    public static JobHadoopSettings install(JavaSparkContext context) {
        Configuration hadoop = HadoopConfDir.addTo(context.hadoopConfiguration(), System.getenv("HADOOP_CONF_DIR"));
        HadoopFiles.use(hadoop);
        return of(hadoop);
    }

    /** What {@code job} sets differently from a plain {@code new Configuration()} of this JVM. */
    public static JobHadoopSettings of(Configuration job) {
        Configuration defaults = new Configuration();
        SortedMap<String, String> differences = new TreeMap<>();
        for (Map.Entry<String, String> entry : job) {
            if (!Objects.equals(defaults.getRaw(entry.getKey()), entry.getValue())) {
                differences.put(entry.getKey(), entry.getValue());
            }
        }
        return new JobHadoopSettings(differences);
    }

    /** Hadoop's defaults with these settings on top; the same instance while the settings stay the same. */
    public Configuration configuration() {
        Built built = last;
        if (built == null || !built.settings().equals(settings)) {
            Configuration configuration = new Configuration();
            settings.forEach(configuration::set);
            built = new Built(settings, configuration);
            last = built;
        }
        return built.configuration();
    }

    /** The names of the settings (never their values, which may be credentials). */
    @Override
    public String toString() {
        return "JobHadoopSettings" + settings.keySet();
    }
}
