package io.barlake.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code barlake run}: the nightly job. The fetchers, consolidator, resamplers and state machine
 * are not built yet, so it says so and fails instead of pretending to run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the nightly job (fetch, consolidate, resample, scan). Not built yet.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("barlake: the pipeline is not built yet: fetchers, consolidator,"
                + " resamplers and the state machine are still to come; nothing was run and the lake is unchanged."
                + " 'barlake status' works today.");
        return ExitCodes.FAILURE;
    }
}
