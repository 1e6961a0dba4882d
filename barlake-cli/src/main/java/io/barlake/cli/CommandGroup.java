package io.barlake.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command of commands ({@code barlake aws}, {@code barlake keys}): alone, it prints its usage and exits 2. */
abstract class CommandGroup implements Callable<Integer> {
    @ParentCommand
    Barlake parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
