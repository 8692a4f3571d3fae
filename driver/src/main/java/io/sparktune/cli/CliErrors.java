package io.sparktune.cli;

import io.sparktune.space.searchspec.SpecException;
import io.sparktune.worker.data.InvalidDataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;

/**
 * How a failed command ends: a bad option or argument prints one line and exits 2, as do a bad spec and bad data (one
 * line per problem); a user-level error (missing file, occupied output directory) prints one line and exits 1;
 * anything else is a bug and keeps its stack trace.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int INVALID_SPEC = 2;
    static final int FAILED = 1;

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("sparktune: " + e.getMessage() + " (see "
                + command.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof SpecException spec) {
            return problems(err, "spec", spec.problems());
        }
        if (e instanceof InvalidDataException data) {
            return problems(err, "data", data.problems());
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

    /** {@code sparktune: invalid WHAT, N problem(s):} and one indented line per problem; exit status 2. */
    static int problems(PrintWriter err, String what, List<String> problems) {
        err.println("sparktune: invalid " + what + ", " + problems.size() + " problem(s):");
        problems.forEach(problem -> err.println("  " + problem));
        err.flush();
        return INVALID_SPEC;
    }
}
