package io.sparktune.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sparktune}: the command line. Each subcommand is a small class; this only wires them. */
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
            BenchCommand.class,
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
        CliErrors errors = new CliErrors();
        return new CommandLine(command).setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
    }
}
