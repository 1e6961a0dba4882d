package io.barlake.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.status.LakeInspector;
import io.barlake.lake.status.LakeStatus;
import io.barlake.lake.store.ObjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barlake status}: what the lake holds, its watermarks, freshness and latest runs. */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Show what the lake holds: datasets, watermarks, freshness, quality, last runs.",
        description = "Show the lake location, what each dataset holds, the watermarks, freshness and the last runs.")
final class StatusCommand extends LakeCommand {
    @Option(names = "--json", description = "Print machine-readable JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        LakeStatus status;
        try (ObjectStore store = lake.open(parent.environment())) {
            status = new LakeInspector(store, TradingCalendar.nyse(), parent.clock()).inspect();
        }
        if (json) {
            spec.commandLine().getOut().println(LakeJson.mapper().writeValueAsString(status));
        } else {
            spec.commandLine().getOut().print(new StatusPrinter().print(status));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
