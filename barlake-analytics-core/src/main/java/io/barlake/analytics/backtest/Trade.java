package io.barlake.analytics.backtest;

import io.barlake.analytics.strategy.Explanation;
import java.time.LocalDate;

/**
 * One round trip: bought at {@code entryPrice} (a bar's open after the signal, slippage included),
 * sold at {@code exitPrice}. {@code profit} is net of both commissions; {@code returnPercent} is
 * the profit over the money put in.
 */
public record Trade(LocalDate entryDate, double entryPrice, LocalDate exitDate, double exitPrice, double shares,
        double profit, double returnPercent, int barsHeld, ExitReason exitReason, Explanation entry, Explanation exit) {

    /** Why a position was closed. */
    public enum ExitReason {
        SIGNAL, STOP_LOSS, TAKE_PROFIT, TRAILING_STOP, ENTRY_BAR_STOP, TIME_LIMIT, END_OF_DATA, DELISTED
    }
}
