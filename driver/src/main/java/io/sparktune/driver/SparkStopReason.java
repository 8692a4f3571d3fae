package io.sparktune.driver;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Spark's reason for stopping the application under the search, e.g. "Master removed our application: KILLED". Spark
 * keeps it nowhere but in the log line of its standalone backend ("Application has been killed. Reason: ..."), and the
 * jobs it ends may only say "cancelled because SparkContext was shut down"; so a log4j2 filter on that logger (Spark's
 * logging backend) takes the reason and drops the line: the search reports it in a line of its own. From then on the
 * same filter, also on the root logger, drops what Spark and its Netty log while they shut down after the kill
 * (replies to closed connections, rejected timers, each with a stack trace): noise that would bury that one line.
 */
final class SparkStopReason extends AbstractFilter {
    static final String LOGGER = "org.apache.spark.scheduler.cluster.StandaloneSchedulerBackend";
    /** Loggers of Spark's shutdown after the kill (Spark, its Netty and its shaded Jetty). */
    private static final List<String> SHUTDOWN_LOGGERS = List.of("org.apache.spark.", "io.netty.", "org.sparkproject.");

    private static final Pattern KILLED =
            Pattern.compile("Application has been killed\\. Reason: (.*)", Pattern.DOTALL);

    private final AtomicReference<String> reason = new AtomicReference<>();

    private SparkStopReason() {
        super(Filter.Result.NEUTRAL, Filter.Result.NEUTRAL);
    }

    /** Starts listening to Spark's log; without log4j2 core (another logging backend) the reason stays unknown. */
    static SparkStopReason install() {
        SparkStopReason filter = new SparkStopReason();
        if (LogManager.getContext(false) instanceof LoggerContext context) {
            Configuration config = context.getConfiguration();
            LoggerConfig logger = config.getLoggerConfig(LOGGER);
            if (!logger.getName().equals(LOGGER)) {
                logger = new LoggerConfig(LOGGER, logger.getLevel(), true);
                config.addLogger(LOGGER, logger);
            }
            filter.start();
            logger.addFilter(filter);
            config.getRootLogger().addFilter(filter);
            context.updateLoggers();
        }
        return filter;
    }

    /** Stops listening. */
    void uninstall() {
        if (LogManager.getContext(false) instanceof LoggerContext context) {
            context.getConfiguration().getLoggerConfig(LOGGER).removeFilter(this);
            context.getConfiguration().getRootLogger().removeFilter(this);
            context.updateLoggers();
        }
        stop();
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }

    @Override
    public Filter.Result filter(LogEvent event) {
        Matcher killed = KILLED.matcher(event.getMessage().getFormattedMessage());
        if (killed.matches()) {
            reason.compareAndSet(null, killed.group(1).trim());
            return Filter.Result.DENY;
        }
        String logger = event.getLoggerName();
        if (reason.get() != null && logger != null && SHUTDOWN_LOGGERS.stream().anyMatch(logger::startsWith)) {
            return Filter.Result.DENY;
        }
        return Filter.Result.NEUTRAL;
    }
}
