package io.barlake.cli;

import io.barlake.lake.calendar.TradingCalendar;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barlake backfill}: a manual backfill through the same state-machine definition as the nightly run. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        header = "Build the NYSE sessions from --from to --to through the nightly pipeline.",
        description = {"Fetch, consolidate, resample and scan the NYSE sessions from --from to --to, through the same",
                "state-machine definition as the nightly run. Sessions already in bronze are not asked for again.",
                "It prints its plan first (sessions, requests, time at POLYGON_RATE_LIMIT); above an hour it asks, or wants --yes.",
                "On AWS the same is: aws stepfunctions start-execution --input '{\"mode\":\"backfill\",\"from\":…,\"to\":…}'."})
final class BackfillCommand extends LakeCommand {
    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First date (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last date (YYYY-MM-DD).")
    LocalDate to;

    @Option(names = "--yes", description = "Start without asking, even when the plan takes more than an hour of requests.")
    boolean yes;

    @Option(names = "--json", description = "Print the run report (as saved under _runs/) as JSON on standard output; "
            + "the plan, the progress and the summary go to standard error.")
    boolean json;

    @Override
    public Integer call() {
        RunPreflight.backfill(from, to, TradingCalendar.nyse(), parent.clock().instant());
        return new PipelineRunner(parent, lake, spec.commandLine().getOut(), spec.commandLine().getErr(), json)
                .backfill(from, to, yes, "backfill --from " + from + " --to " + to);
    }
}
