package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.bench.BenchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line finds {@code bench} through {@link Subcommand} when this module is on the class path. */
class BenchSubcommandTest {

    @Test
    void benchIsASubcommandOfSparktune() {
        CommandLine sparktune = Main.commandLine(new Main());
        CommandLine bench = sparktune.getSubcommands().get("bench");
        assertInstanceOf(BenchCommand.class, bench.getCommand());

        StringWriter out = new StringWriter();
        int exit = sparktune.setOut(new PrintWriter(out)).execute("bench", "--help");
        assertEquals(0, exit);
        assertTrue(out.toString().contains("Usage: sparktune bench"), out.toString());
    }
}
