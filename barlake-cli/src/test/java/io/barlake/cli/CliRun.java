package io.barlake.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the CLI in-process with an injected environment and captured output. */
record CliRun(int exitCode, String out, String err) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-03T12:00:00Z"), ZoneOffset.UTC);

    static CliRun execute(Map<String, String> environment, String... args) {
        CommandLine commandLine = Barlake.commandLine(environment, CLOCK);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
