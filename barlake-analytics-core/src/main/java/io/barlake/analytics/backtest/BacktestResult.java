package io.barlake.analytics.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * A backtest's outcome: metrics, the trades, and per bar the equity at the close.
 *
 * @param initialCapital the equity before the first bar, the first peak of {@link #drawdown()}
 */
public record BacktestResult(String symbol, String strategy, Metrics metrics, List<Trade> trades, LocalDate[] dates,
        double[] equity, double initialCapital) {
    public BacktestResult {
        trades = List.copyOf(trades);
    }

    /**
     * Per bar, the drawdown from the running peak of equity: a fraction, 0 at a peak. Computed on
     * each call (a chart needs it, the metrics do not).
     */
    public double[] drawdown() {
        return EquityCurve.drawdowns(equity, initialCapital);
    }
}
