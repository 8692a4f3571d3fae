package io.sparktune.cli;

import io.sparktune.space.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * How a failed command ends: a bad option or argument prints one line and exits 2, as does a bad spec (one line per
 * problem); a user-level error (missing file, occupied output directory) prints one line and exits 1; anything else is
 * a bug and keeps its stack trace.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int INVALID_SPEC = 2;
    static final int FAILED = 1;

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("sparktune: " + e.getMessage() + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof SpecException spec) {
            err.println("sparktune: invalid spec, " + spec.problems().size() + " problem(s):");
            spec.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return INVALID_SPEC;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException) {
            err.println("sparktune: " + e.getMessage());
            err.flush();
            return FAILED;
        }
        e.printStackTrace(err);
        err.flush();
        return FAILED;
    }
}
