package io.barlake.cli;

import io.barlake.fetchers.bronze.BarsFetcher;
import io.barlake.fetchers.bronze.FetchRequest;
import io.barlake.fetchers.bronze.FetchResult;
import io.barlake.fetchers.bronze.FetchSettings;
import io.barlake.fetchers.bronze.ReferenceFetcher;
import io.barlake.fetchers.bronze.ReferenceResult;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSource;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.LakeLock;
import io.barlake.lake.store.ObjectStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code barlake fetch}: raw bars (and reference data) into bronze only, without consolidating.
 * For pulling a long history on Polygon's free plan before the first run, watching its progress,
 * and resuming it after an interruption.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        header = "Fetch daily bars into the bronze layer only (no consolidation).",
        description = {"Fetch daily bars into the bronze layer only (no consolidation).",
                "Without dates: the nightly set (latest closed session, the 3 before it again, and missing ones).",
                "Interrupted? Run the same command again: sessions already in bronze are not asked for twice."},
        footer = {"", "Source: Massive (formerly Polygon.io) when MASSIVE_API_KEY or POLYGON_API_KEY is set (POLYGON_RATE_LIMIT requests a minute, default 5),",
                "otherwise the synthetic market (BARLAKE_SYNTHETIC_SEED, BARLAKE_SYNTHETIC_SYMBOLS)."})
final class FetchCommand extends LakeCommand {
    @ArgGroup(exclusive = true)
    Dates dates;

    static final class Dates {
        @Option(names = "--date", paramLabel = "DATE", description = "Nightly fetch as if DATE were the latest session.")
        LocalDate date;

        @ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First date of a backfill.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last date of a backfill.")
        LocalDate to;
    }

    @Option(names = "--refetch", description = "Backfill: ask again for sessions already in bronze (rewritten only if changed).")
    boolean refetch;

    @Option(names = "--reference", description = "Also fetch the reference data: tickers, splits, dividends and the "
            + "ticker histories of BARLAKE_TICKER_HISTORY and of renamed securities.")
    boolean reference;

    @Option(names = "--json", description = "Print what was fetched as JSON on standard output; the progress and the "
            + "summary go to standard error.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = json ? err : spec.commandLine().getOut();
        FetchRequest request = request();
        TradingCalendar calendar = TradingCalendar.nyse();
        try (ObjectStore store = lake.open(parent.environment());
             MarketDataSource source = MarketDataSources.open(parent.environment(), calendar, parent.clock(),
                     SecretsManagerApiKeys.usingDefaultClient());
             LakeLock lock = LakeLock.acquire(store, "barlake fetch");
             FetchProgress progress = new FetchProgress(err, System.console() != null)) {
            out.println("Source: " + source.description() + (source.name().equals("synthetic")
                    ? " (no MASSIVE_API_KEY or POLYGON_API_KEY set)" : ""));
            out.println("Lake: " + store.location());
            out.flush();
            long start = System.nanoTime();
            // Locally there is no Lambda time limit: one long chunk, continued only if it still ends early.
            BarsFetcher fetcher = new BarsFetcher(store, source, calendar, parent.clock(),
                    new FetchSettings(Duration.ofDays(365), 3, 60));
            List<LocalDate> written = new ArrayList<>();
            int unchanged = 0;
            int skipped = 0;
            int empty = 0;
            long records = 0;
            FetchResult result;
            do {
                result = fetcher.fetch(request, progress);
                written.addAll(result.written());
                unchanged += result.unchanged().size();
                skipped += result.skipped().size();
                empty += result.empty().size();
                records += result.records();
                request = request.continuingAt(result.next());
            } while (!result.complete());
            progress.close();
            for (String warning : result.warnings()) {
                err.println("barlake: warning: " + warning);
            }
            out.printf("Fetched %d sessions: %d written (%,d records), %d unchanged, %d already in bronze, %d empty, in %s.%n",
                    result.planned(), written.size(), records, unchanged, skipped, empty,
                    FetchProgress.human(Duration.ofNanos(System.nanoTime() - start)));
            out.println("Bars watermark: " + (result.watermark() == null ? "none" : result.watermark()));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("source", source.name());
            document.put("planned", result.planned());
            document.put("written", written);
            document.put("records", records);
            document.put("unchanged", unchanged);
            document.put("already_in_bronze", skipped);
            document.put("empty", empty);
            document.put("watermark", result.watermark());
            document.put("warnings", result.warnings());
            if (reference) {
                ReferenceResult snapshots = new ReferenceFetcher(store, source, calendar, parent.clock(),
                        ReferenceFetcher.followedTickers(parent.environment())).fetch(dates == null ? null : dates.date);
                document.put("reference", snapshots);
                out.printf("Reference as of %s: %d tickers%s, %d splits%s.%n", snapshots.asOf(), snapshots.tickers(),
                        snapshots.tickersWritten() ? "" : " (unchanged)", snapshots.splits(),
                        snapshots.splitsWritten() ? "" : " (unchanged)");
            }
            out.flush();
            if (json) {
                PrintWriter standardOutput = spec.commandLine().getOut();
                try {
                    standardOutput.println(LakeJson.mapper().writeValueAsString(document));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                standardOutput.flush();
            }
        }
        return ExitCodes.OK;
    }

    private FetchRequest request() {
        if (dates != null && dates.range != null) {
            if (dates.range.from.isAfter(dates.range.to)) {
                throw new ParameterException(spec.commandLine(), "--from " + dates.range.from + " is after --to " + dates.range.to);
            }
            FetchRequest backfill = FetchRequest.backfill(dates.range.from, dates.range.to);
            return refetch ? backfill.refetching() : backfill;
        }
        if (refetch) {
            throw new ParameterException(spec.commandLine(), "--refetch goes with --from/--to");
        }
        return FetchRequest.nightly(dates == null ? null : dates.date);
    }
}
