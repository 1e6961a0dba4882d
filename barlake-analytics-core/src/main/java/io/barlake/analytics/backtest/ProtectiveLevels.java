package io.barlake.analytics.backtest;

import io.barlake.analytics.backtest.Trade.ExitReason;
import io.barlake.analytics.strategy.ExitRules;

/**
 * The price levels an open position's {@link ExitRules} set, one definition for the single-symbol
 * and the portfolio backtester: the stop is the highest of the stop-loss (below the entry price),
 * the trailing stop (below the highest high since entry, bars before the current one) and the
 * entry-bar stop (below the low of the bar that gave the buy); the target is above the entry price.
 * A short sale's levels mirror them: its stop is the lowest of the same percentages above the
 * entry price, above the lowest low since entry and above the high of the bar that gave the sell;
 * its target is below the entry price.
 */
public final class ProtectiveLevels {
    private ProtectiveLevels() {}

    /** A stop level and the rule that set it. */
    public record Stop(double level, ExitReason reason) {}

    /**
     * The highest stop the rules set, or null when they set none.
     *
     * @param entryBarLow the low of the bar that gave the buy; {@code NaN} when there is none
     */
    public static Stop stop(ExitRules exits, double entryPrice, double highestSinceEntry, double entryBarLow) {
        double level = Double.NEGATIVE_INFINITY;
        ExitReason reason = null;
        if (exits.stopLossPercent().isPresent()) {
            level = entryPrice * (1 - exits.stopLossPercent().getAsDouble() / 100);
            reason = ExitReason.STOP_LOSS;
        }
        if (exits.trailingStopPercent().isPresent()) {
            double trailing = highestSinceEntry * (1 - exits.trailingStopPercent().getAsDouble() / 100);
            if (trailing > level) {
                level = trailing;
                reason = ExitReason.TRAILING_STOP;
            }
        }
        if (exits.entryBarStopPercent().isPresent() && !Double.isNaN(entryBarLow)) {
            double belowEntryBar = entryBarLow * (1 - exits.entryBarStopPercent().getAsDouble() / 100);
            if (belowEntryBar > level) {
                level = belowEntryBar;
                reason = ExitReason.ENTRY_BAR_STOP;
            }
        }
        return reason == null ? null : new Stop(level, reason);
    }

    /** The take-profit level, or {@code NaN} when the rules set none. */
    public static double target(ExitRules exits, double entryPrice) {
        return exits.takeProfitPercent().isPresent() ? entryPrice * (1 + exits.takeProfitPercent().getAsDouble() / 100) : Double.NaN;
    }

    /**
     * The lowest stop the rules set for a short sale, or null when they set none: the mirror of
     * {@link #stop}, the level a bar's high must reach.
     *
     * @param entryBarHigh the high of the bar that gave the sell; {@code NaN} when there is none
     */
    public static Stop shortStop(ExitRules exits, double entryPrice, double lowestSinceEntry, double entryBarHigh) {
        double level = Double.POSITIVE_INFINITY;
        ExitReason reason = null;
        if (exits.stopLossPercent().isPresent()) {
            level = entryPrice * (1 + exits.stopLossPercent().getAsDouble() / 100);
            reason = ExitReason.STOP_LOSS;
        }
        if (exits.trailingStopPercent().isPresent()) {
            double trailing = lowestSinceEntry * (1 + exits.trailingStopPercent().getAsDouble() / 100);
            if (trailing < level) {
                level = trailing;
                reason = ExitReason.TRAILING_STOP;
            }
        }
        if (exits.entryBarStopPercent().isPresent() && !Double.isNaN(entryBarHigh)) {
            double aboveEntryBar = entryBarHigh * (1 + exits.entryBarStopPercent().getAsDouble() / 100);
            if (aboveEntryBar < level) {
                level = aboveEntryBar;
                reason = ExitReason.ENTRY_BAR_STOP;
            }
        }
        return reason == null ? null : new Stop(level, reason);
    }

    /** A short sale's take-profit level, below the entry price, or {@code NaN} when the rules set none. */
    public static double shortTarget(ExitRules exits, double entryPrice) {
        return exits.takeProfitPercent().isPresent() ? entryPrice * (1 - exits.takeProfitPercent().getAsDouble() / 100) : Double.NaN;
    }
}
