package io.barlake.lake.testing;

/** One raw vendor record of a generated history. */
public record HistoryRow(String symbol, double open, double high, double low, double close, double volume, Double vwap,
        long transactions) {

    /** The same row with every price multiplied (a correction). */
    public HistoryRow scaled(double by) {
        double o = Math.round(open * by * 100) / 100.0;
        double c = Math.round(close * by * 100) / 100.0;
        double h = Math.max(Math.round(high * by * 100) / 100.0, Math.max(o, c));
        double l = Math.min(Math.round(low * by * 100) / 100.0, Math.min(o, c));
        return new HistoryRow(symbol, o, h, Math.max(0.01, l), c, volume, vwap, transactions);
    }
}
