package io.barlake.cli;

import io.barlake.lake.calendar.TradingCalendar;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barlake run}: the nightly job, through the pipeline's state-machine definition. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run the nightly job: fetch, consolidate, resample the six timeframes, scan.",
        description = {"Run the nightly job: fetch (bars and reference data), consolidate, resample the six timeframes, scan.",
                "It executes the same state-machine definition as AWS Step Functions (pipeline.asl.json), in this process.",
                "On an empty lake it first builds a history: two years of the synthetic market, or 20 sessions from Massive (formerly Polygon.io).",
                "Interrupted? Run it again: every write is atomic and each stage continues from its watermark."},
        footer = {"", "A failure prints what failed, why, and the command that re-runs those sessions; exit code 1."})
final class RunCommand extends LakeCommand {
    @Option(names = "--date", paramLabel = "DATE", description = "Run as if DATE were the latest session (default: the latest closed session).")
    LocalDate date;

    @Option(names = "--history", paramLabel = "SESSIONS",
            description = "Sessions of history to build when the lake is empty (default: 504 synthetic, 20 on Polygon).")
    Integer history;

    @Option(names = "--json", description = "Print the run report (as saved under _runs/) as JSON on standard output; "
            + "the progress and the summary go to standard error.")
    boolean json;

    @Override
    public Integer call() {
        if (history != null && history < 1) {
            throw new io.barlake.lake.store.InvalidSettingException("--history", history.toString(), "must be 1 or more sessions");
        }
        PipelineRunner runner = new PipelineRunner(parent, lake, spec.commandLine().getOut(), spec.commandLine().getErr(), json);
        LocalDate session = date == null ? null
                : RunPreflight.nightly(date, TradingCalendar.nyse(), parent.clock().instant(), runner.human());
        String command = "run" + (date == null ? "" : " --date " + date) + (history == null ? "" : " --history " + history);
        return runner.nightly(session, history, command);
    }
}
