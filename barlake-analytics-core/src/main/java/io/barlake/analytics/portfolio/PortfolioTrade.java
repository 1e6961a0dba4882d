package io.barlake.analytics.portfolio;

import io.barlake.analytics.backtest.Trade.ExitReason;
import io.barlake.analytics.strategy.Explanation;
import java.time.LocalDate;

/**
 * One round trip of a portfolio backtest: {@code shares} of {@code symbol} entered at
 * {@code entryPrice} (a bar's open after the signal, slippage included) and left at
 * {@code exitPrice}, bought then sold when {@code side} is {@link Side#LONG}, sold short then
 * covered when {@link Side#SHORT}; {@code commissions} of both fills; {@code borrowCost} the
 * short's borrow; {@code profit} net of them; {@code returnPercent} the profit over the money the
 * entry put at stake (its value plus its commission).
 */
public record PortfolioTrade(String symbol, Side side, LocalDate entryDate, double entryPrice, LocalDate exitDate, double exitPrice,
        double shares, double commissions, double borrowCost, double profit, double returnPercent, int barsHeld,
        ExitReason exitReason, Explanation entry, Explanation exit) {
    /** Bought first, or sold short first. */
    public enum Side {
        LONG,
        SHORT;

        /** +1 for a long position, −1 for a short one: the sign of its shares. */
        public int sign() {
            return this == LONG ? 1 : -1;
        }
    }
}
