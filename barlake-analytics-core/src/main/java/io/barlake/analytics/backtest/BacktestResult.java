package io.barlake.analytics.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * A backtest's outcome: metrics, the trades, and per bar the equity at the close and the
 * drawdown from the running peak (a fraction, 0 at a peak).
 */
public record BacktestResult(String symbol, String strategy, Metrics metrics, List<Trade> trades, LocalDate[] dates,
        double[] equity, double[] drawdown) {
    public BacktestResult {
        trades = List.copyOf(trades);
    }
}
