package io.barlake.lake.read;

import java.time.LocalDate;

/**
 * One symbol's bars as columns, oldest first, split-adjusted as {@link BarHistory} reads them:
 * what the scan, the backtests and the serving endpoints compute on.
 *
 * @param dates the session (1d) or the bucket's first session (Nd) of each bar
 */
public record SymbolBars(String symbol, LocalDate[] dates, double[] open, double[] high, double[] low, double[] close,
        double[] volume) {
    public int size() {
        return dates.length;
    }
}
