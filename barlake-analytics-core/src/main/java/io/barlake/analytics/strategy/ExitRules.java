package io.barlake.analytics.strategy;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Protective exits besides the exit rule, each optional: a stop-loss and a take-profit as a
 * percentage of the entry price, a trailing stop as a percentage below the highest high since
 * entry, a stop anchored to the entry bar (this percentage below its low; 0 is the low itself),
 * and a limit on sessions held. The entry bar is the bar whose close gave the buy: the fill is at
 * the next open, and a stop "below the signal candle's low" is what pattern traders set. When
 * several stops are set the highest applies. The backtester checks the price levels against each
 * bar's high and low, not only its close.
 */
public record ExitRules(OptionalDouble stopLossPercent, OptionalDouble takeProfitPercent,
        OptionalDouble trailingStopPercent, OptionalInt maxHoldingSessions, OptionalDouble entryBarStopPercent) {

    /** Stops (fixed or trailing) lie strictly between 0 and this percentage below the price. */
    public static final double MAX_STOP_PERCENT = 100;
    /** Take-profit targets lie strictly between 0 and this percentage above the entry. */
    public static final double MAX_TAKE_PROFIT_PERCENT = 10_000;

    public ExitRules {
        check("stop_loss_percent", stopLossPercent, MAX_STOP_PERCENT);
        check("take_profit_percent", takeProfitPercent, MAX_TAKE_PROFIT_PERCENT);
        check("trailing_stop_percent", trailingStopPercent, MAX_STOP_PERCENT);
        if (entryBarStopPercent.isPresent()
                && !(entryBarStopPercent.getAsDouble() >= 0 && entryBarStopPercent.getAsDouble() < MAX_STOP_PERCENT)) {
            throw new IllegalArgumentException("entry_bar_stop_percent must be >= 0 and < " + (int) MAX_STOP_PERCENT + ", was "
                    + entryBarStopPercent.getAsDouble());
        }
        if (maxHoldingSessions.isPresent() && maxHoldingSessions.getAsInt() < 1) {
            throw new IllegalArgumentException("max_holding_sessions must be >= 1, was " + maxHoldingSessions.getAsInt());
        }
    }

    /** The exits without a stop anchored to the entry bar. */
    public ExitRules(OptionalDouble stopLossPercent, OptionalDouble takeProfitPercent, OptionalDouble trailingStopPercent,
            OptionalInt maxHoldingSessions) {
        this(stopLossPercent, takeProfitPercent, trailingStopPercent, maxHoldingSessions, OptionalDouble.empty());
    }

    /** No protective exits. */
    public static ExitRules none() {
        return new ExitRules(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty());
    }

    /** These exits with a stop {@code percent} below the entry bar's low. */
    public ExitRules withEntryBarStop(double percent) {
        return new ExitRules(stopLossPercent, takeProfitPercent, trailingStopPercent, maxHoldingSessions, OptionalDouble.of(percent));
    }

    private static void check(String name, OptionalDouble percent, double max) {
        if (percent.isPresent() && !(percent.getAsDouble() > 0 && percent.getAsDouble() < max)) {
            throw new IllegalArgumentException(name + " must be > 0 and < " + (int) max + ", was " + percent.getAsDouble());
        }
    }
}
