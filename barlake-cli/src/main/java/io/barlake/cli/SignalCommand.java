package io.barlake.cli;

import io.barlake.analytics.scan.SignalRow;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Signal;
import io.barlake.lake.read.SymbolLookup;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.scan.SymbolSignals;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code barlake signal SYMBOL}: what every prebuilt strategy says about one symbol on a session. */
@Command(name = "signal", mixinStandardHelpOptions = true,
        header = "Say what every strategy says about one symbol on a session, and why.",
        description = {"Evaluate every prebuilt strategy on one symbol's bars from the lake, in 1d and the six",
                "resampled timeframes, as the nightly scan does: BUY, HOLD or SELL per timeframe with the rule",
                "and the indicator values behind it, each strategy's weighted score, and one overall call with",
                "its confidence (the mean score's magnitude, 0 to 1; docs/analytics.md)."})
final class SignalCommand extends LakeCommand {
    @Parameters(paramLabel = "SYMBOL", description = "The ticker, e.g. AAPL.")
    String symbol;

    @Option(names = "--date", description = "Session (default: the latest consolidated one).")
    LocalDate date;

    @Option(names = "--json", description = "Print the answer as JSON, as /v1/signal gives it.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ObjectStore store = lake.open(parent.environment())) {
            SymbolSignals.Answer answer = SymbolSignals.of(store, parent.clock(), SymbolLookup.resolve(store, symbol), date,
                    PrebuiltStrategies.all());
            if (json) {
                out.println(LakeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer.view()));
                out.flush();
                return ExitCodes.OK;
            }
            if (SyntheticData.in(store, parent.clock())) {
                out.println(SyntheticData.WARNING);
            }
            out.printf(Locale.ROOT, "%s on %s: %s, confidence %.2f (mean score %+.3f over %d strategies)%n", answer.symbol(),
                    answer.session(), answer.overall(), answer.confidence(), answer.score(), answer.strategies().size());
            for (SignalRow row : answer.strategies()) {
                out.printf(Locale.ROOT, "%-22s %-4s %+.3f  %s%n", row.strategy(), row.signal(), row.score(), row.timeframes().stream()
                        .map(t -> t.timeframe() + ":" + t.signal()).collect(Collectors.joining(" ")));
                for (SignalRow.TimeframeSignal timeframe : row.timeframes()) {
                    if (timeframe.signal() != Signal.HOLD) {
                        out.printf(Locale.ROOT, "    %s %s: %s %s%n", timeframe.timeframe(), timeframe.signal(), timeframe.rule(),
                                timeframe.values().entrySet().stream().map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.4g",
                                        e.getValue())).collect(Collectors.joining(", ", "(", ")")));
                    }
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
