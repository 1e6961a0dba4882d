package io.barlake.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code barlake run}: the nightly job. The state machine that chains the stages is not built
 * yet, so it says so and fails instead of pretending to run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the nightly job (fetch, consolidate, resample, scan). Not built yet.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("barlake: the pipeline is not built yet: the state machine that chains"
                + " fetch, consolidate, resample and scan is still to come; nothing was run and the lake is unchanged."
                + " Until then: 'barlake fetch', then the Batch mains (see README), then 'barlake status'.");
        return ExitCodes.FAILURE;
    }
}
