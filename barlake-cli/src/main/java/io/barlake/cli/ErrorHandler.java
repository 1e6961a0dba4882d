package io.barlake.cli;

import io.barlake.lake.store.InvalidSettingException;
import java.io.PrintWriter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns every failure into one readable line on standard error and an exit code: 2 for bad
 * usage or a bad setting, 1 for anything else. Stack traces only with {@code BARLAKE_DEBUG=1}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            e = Barlake.unknown(e.getCommandLine(), unmatched.getUnmatched().get(0));
        }
        PrintWriter err = e.getCommandLine().getErr();
        err.println("barlake: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if ("1".equals(System.getenv("BARLAKE_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.println("barlake: " + oneLine(e));
        err.flush();
        return isUsage(e) ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    private static boolean isUsage(Exception e) {
        return e instanceof InvalidSettingException || e instanceof CommandLine.ParameterException;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
