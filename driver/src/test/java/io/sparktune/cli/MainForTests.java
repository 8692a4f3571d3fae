package io.sparktune.cli;

/** Runs the command line in this JVM, for tests in other packages. */
public final class MainForTests {
    private MainForTests() {}

    public static int run(String... args) {
        return Main.execute(new Main(), args);
    }
}
