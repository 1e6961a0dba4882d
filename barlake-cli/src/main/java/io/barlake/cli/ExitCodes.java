package io.barlake.cli;

/** Exit codes of every command, as {@code barlake --help} lists them. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private ExitCodes() {}
}
