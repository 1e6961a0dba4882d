package io.barlake.cli;

import io.barlake.analytics.series.BarSeries;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.Continuity;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.series.LakeSeries;
import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * Which of a symbol's bars a command reads from the lake: the timeframe, the dates, the adjustment
 * and the continuity. One set of options, so {@code backtest} and {@code indicators} read bars the
 * same way and say so in the same words.
 */
final class BarsSelection {
    @Option(names = "--timeframe", defaultValue = "1d", description = "1d, 3d, 5d, 8d, 13d, 21d or 34d (default ${DEFAULT-VALUE}).")
    String timeframe;

    @Option(names = "--from", description = "First date (default: the first bar in the lake).")
    LocalDate from;

    @Option(names = "--to", description = "Last date (default: the latest bar).")
    LocalDate to;

    @Option(names = "--adjustment", paramLabel = "MODE", defaultValue = "split",
            description = "Prices as traded (raw), split-adjusted (split, the default) or with dividends reinvested "
                    + "(total_return; 1d only).")
    String adjustment;

    @Option(names = "--continuity", paramLabel = "MODE", defaultValue = "ticker",
            description = "The ticker's own bars (ticker, the default) or the security's across renames (continuous: "
                    + "META with FB's history before 2022-06-09, from the symbol map; 1d only).")
    String continuity;

    Timeframe frame() {
        try {
            return Timeframe.parse(timeframe);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--timeframe", timeframe, e.getMessage());
        }
    }

    Adjustment adjustment() {
        return Adjustment.parse("--adjustment", adjustment);
    }

    Continuity continuity() {
        return Continuity.parse("--continuity", continuity);
    }

    /** The symbol's bars as these options choose them; every option is checked first. */
    BarSeries load(ObjectStore store, String symbol, Clock clock) {
        return LakeSeries.load(store, symbol, frame(), from, to, clock, adjustment(), continuity());
    }
}
