package io.barlake.lake.parquet;

/**
 * A daily bar file's price columns, read straight into primitive arrays: one array per field,
 * row {@code i} across them, in file order (symbol, date). Built by {@link ColumnarParquet}
 * for jobs that scan whole years (the resamplers), where one object per bar costs more than the
 * arithmetic. Dates are epoch days; a missing vwap is {@code NaN}. Consecutive rows of the same
 * symbol share one {@code String} instance.
 */
public final class DailyColumns {
    final String[] symbols;
    final int[] dates;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    final double[] vwap;

    /** Columns of {@code rows} rows for {@link ColumnarParquet} to fill. */
    DailyColumns(int rows) {
        symbols = new String[rows];
        dates = new int[rows];
        open = new double[rows];
        high = new double[rows];
        low = new double[rows];
        close = new double[rows];
        volume = new double[rows];
        vwap = new double[rows];
    }

    /** No rows (a year without a file). */
    public static DailyColumns empty() {
        return new DailyColumns(0);
    }

    public int size() {
        return symbols.length;
    }

    public String symbol(int row) {
        return symbols[row];
    }

    /** The session as an epoch day. */
    public int date(int row) {
        return dates[row];
    }

    public double open(int row) {
        return open[row];
    }

    public double high(int row) {
        return high[row];
    }

    public double low(int row) {
        return low[row];
    }

    public double close(int row) {
        return close[row];
    }

    public double volume(int row) {
        return volume[row];
    }

    /** The vendor's vwap, or {@code NaN} when it had none. */
    public double vwap(int row) {
        return vwap[row];
    }
}
