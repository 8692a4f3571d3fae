package io.sparktune.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sparktune}: the command line. Each subcommand is a small class; this only wires them, and adds the
 * {@link Subcommand}s of modules on the class path ({@code bench}).
 */
@Command(
        name = "sparktune",
        mixinStandardHelpOptions = true,
        version = "sparktune 0.1.0",
        description = "Distributed hyperparameter search for DL4J multilayer perceptrons on Apache Spark.",
        subcommands = {
            SearchCommand.class,
            RetrainCommand.class,
            LeaderboardCommand.class,
            ClusterCommand.class,
            ReportCommand.class,
            EvaluateCommand.class,
            ValidateCommand.class,
            ExportCommand.class,
            ImportanceCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public void run() {
        commandSpec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(new Main(), args));
    }

    /** Runs {@code command} with sparktune's error reporting; returns the exit code. */
    static int execute(Object command, String... args) {
        return commandLine(command).execute(args);
    }

    static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        if (command instanceof Main) {
            ServiceLoader.load(Subcommand.class).forEach(commandLine::addSubcommand);
        }
        CliErrors errors = new CliErrors();
        return commandLine.setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
    }
}
