package io.barlake.analytics.portfolio;

import io.barlake.analytics.backtest.Trade.ExitReason;
import io.barlake.analytics.strategy.Explanation;
import java.time.LocalDate;

/**
 * One round trip of a portfolio backtest: {@code shares} of {@code symbol} bought at
 * {@code entryPrice} (a bar's open after the signal, slippage included) and sold at
 * {@code exitPrice}; {@code commissions} of both fills; {@code profit} net of them;
 * {@code returnPercent} the profit over the money put in (value plus the entry's commission).
 */
public record PortfolioTrade(String symbol, LocalDate entryDate, double entryPrice, LocalDate exitDate, double exitPrice,
        double shares, double commissions, double profit, double returnPercent, int barsHeld, ExitReason exitReason,
        Explanation entry, Explanation exit) {}
