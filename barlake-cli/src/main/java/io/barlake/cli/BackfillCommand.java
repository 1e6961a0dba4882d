package io.barlake.cli;

import io.barlake.lake.calendar.TradingCalendar;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barlake backfill}: a manual backfill through the same state-machine definition as the nightly run. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Fetch, consolidate, resample and scan the NYSE sessions from --from to --to, through the same",
                "state-machine definition as the nightly run. Sessions already in bronze are not asked for again.",
                "On AWS the same is: aws stepfunctions start-execution --input '{\"mode\":\"backfill\",\"from\":…,\"to\":…}'."})
final class BackfillCommand extends LakeCommand {
    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First date (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last date (YYYY-MM-DD).")
    LocalDate to;

    @Override
    public Integer call() {
        RunPreflight.backfill(from, to, TradingCalendar.nyse(), parent.clock().instant());
        return new PipelineRunner(parent, lake, spec.commandLine().getOut(), spec.commandLine().getErr())
                .backfill(from, to, "backfill --from " + from + " --to " + to);
    }
}
