package io.barlake.analytics.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio backtest's outcome: the equity at each session's close ({@code dates}), the trades
 * in the order they closed, the commissions, slippage and short borrow paid, the traded value, the
 * mean gross exposure (positions long and short over equity), and the settings it ran with.
 */
public record PortfolioResult(String strategy, PortfolioSettings settings, LocalDate[] dates, double[] equity,
        List<PortfolioTrade> trades, double commissions, double slippage, double borrowCost, double tradedValue, double exposure) {
    public PortfolioResult {
        trades = List.copyOf(trades);
    }

    /** The equity after the last session. */
    public double finalEquity() {
        return equity.length == 0 ? settings.initialCapital() : equity[equity.length - 1];
    }

    /** Traded value over the mean equity, per year: how often the book turns over. */
    public double annualTurnover() {
        double mean = 0;
        for (double value : equity) {
            mean += value / equity.length;
        }
        return equity.length == 0 || mean == 0 ? 0 : tradedValue / 2 / mean / (equity.length / settings.barsPerYear());
    }
}
