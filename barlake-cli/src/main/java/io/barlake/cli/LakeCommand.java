package io.barlake.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand that works on a lake: the top command (environment, clock), its own spec (for its
 * output streams) and the {@code --lake} flag. Picocli finds these annotated fields in the superclass.
 */
abstract class LakeCommand implements Callable<Integer> {
    @ParentCommand
    Barlake parent;

    @Spec
    CommandSpec spec;

    @Mixin
    LakeOption lake = new LakeOption();
}
