package io.barlake.cli;


import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.Symbols;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.SymbolLookup;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.scan.NightlyScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barlake scan}: rank the universe of one session by the strategies' agreement across timeframes. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        header = "Score the strategies over every symbol that traded on a session.",
        description = {"Run strategies over every symbol that traded on a session, in 1d and the resampled timeframes,",
                "rank the picks by weighted agreement across timeframes (docs/analytics.md), write them to",
                "gold/signals/date=D/signals.parquet and print the top ones."})
final class ScanCommand extends LakeCommand {
    @Option(names = "--date", description = "Session to scan (default: the latest session in silver).")
    LocalDate date;

    @Option(names = "--strategy", paramLabel = "NAME|FILE.json", description = "One strategy (default: every prebuilt one).")
    String strategy;

    @Option(names = "--timeframe", split = ",", paramLabel = "TF",
            description = "Timeframes to consult, e.g. 1d,5d (default: 1d,3d,5d,8d,13d,21d,34d).")
    List<String> timeframes;

    @Option(names = "--symbols", split = ",", paramLabel = "SYM", description = "Only these symbols (default: all).")
    List<String> symbols;

    @Option(names = "--top", defaultValue = "20", description = "Picks to print (default ${DEFAULT-VALUE}); all are written.")
    int top;

    @Option(names = "--adjustment", paramLabel = "MODE", defaultValue = "split",
            description = "Daily bars split-adjusted (split, the default) or with dividends reinvested (total_return); "
                    + "N-session bars are split-adjusted either way.")
    String adjustment;

    @Option(names = "--json", description = "Print every pick as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Strategy> strategies;
        if (strategy == null) {
            strategies = PrebuiltStrategies.all();
        } else {
            Strategy one = StrategyArgument.resolve(strategy, err);
            if (one == null) {
                return ExitCodes.USAGE;
            }
            strategies = List.of(one);
        }
        List<Timeframe> frames = new ArrayList<>();
        for (String label : timeframes == null ? List.of("1d", "3d", "5d", "8d", "13d", "21d", "34d") : timeframes) {
            try {
                frames.add(Timeframe.parse(label));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("--timeframe", label, e.getMessage());
            }
        }
        List<String> asked = new ArrayList<>();
        for (String raw : symbols == null ? List.<String>of() : symbols) {
            String symbol = Symbols.clean(raw);
            if (!Symbols.isValid(symbol)) {
                throw new InvalidSettingException("--symbols", raw, "not a ticker");
            }
            asked.add(symbol);
        }
        Adjustment mode = Adjustment.parse("--adjustment", adjustment);
        if (mode == Adjustment.RAW) {
            throw new InvalidSettingException("--adjustment", adjustment, "the scan reads split or total_return bars, not raw");
        }
        if (top < 0) {
            throw new InvalidSettingException("--top", Integer.toString(top), "must be >= 0");
        }
        try (ObjectStore store = lake.open(parent.environment())) {
            Set<String> only = new TreeSet<>();
            asked.forEach(symbol -> only.add(SymbolLookup.resolve(store, symbol)));
            long started = System.nanoTime();
            NightlyScan.Result result = NightlyScan.run(store, parent.clock(), date, strategies, frames, only,
                    mode == Adjustment.TOTAL_RETURN);
            List<SignalPick> picks = result.picks();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (json) {
                out.println(LakeJson.mapper().writeValueAsString(picks));
            } else {
                if (SyntheticData.in(store, parent.clock())) {
                    out.println(SyntheticData.WARNING);
                }
                out.printf(Locale.ROOT, "Scan of %s: %,d symbols, timeframes %s, %d strategies: %,d picks in %.1f s%n",
                        result.session(), result.symbols(), frames.stream().map(Timeframe::label).collect(Collectors.joining(",")),
                        strategies.size(), picks.size(), seconds);
                out.println("Wrote " + result.key() + " in " + store.location());
                if (!picks.isEmpty() && top > 0) {
                    out.printf(Locale.ROOT, "%5s  %-10s %-20s %-6s %7s  %s%n", "rank", "symbol", "strategy", "signal", "score",
                            "why");
                    picks.stream().limit(top).forEach(pick -> out.printf(Locale.ROOT, "%5d  %-10s %-20s %-6s %7.3f  %s%n",
                            pick.rank(), pick.symbol(), pick.strategy(), pick.signal(), pick.score(), pick.explanation()));
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
