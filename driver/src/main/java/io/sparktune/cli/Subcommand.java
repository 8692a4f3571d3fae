package io.sparktune.cli;

/**
 * A picocli {@code @Command} that a module built on top of this one adds to {@code sparktune}, found with
 * {@link java.util.ServiceLoader} (listed in the module's {@code META-INF/services/io.sparktune.cli.Subcommand}).
 * The {@code bench} command comes this way, so that the benchmarks depend on the driver and not the other way round.
 */
public interface Subcommand {}
