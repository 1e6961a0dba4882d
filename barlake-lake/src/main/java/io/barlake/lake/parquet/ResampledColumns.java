package io.barlake.lake.parquet;

import io.barlake.lake.model.ResampledBar;
import java.util.Arrays;
import java.util.List;

/**
 * Resampled bars as growable primitive columns, the resamplers' output before it is written by
 * {@link ColumnarParquet#writeResampled}. Rows are appended in (symbol, start) order; the writer
 * refuses any other order. Dates are epoch days; a missing vwap is {@code NaN}. The fields mean
 * what they mean in {@link io.barlake.lake.model.ResampledBar}.
 */
public final class ResampledColumns {
    int size;
    String[] symbols;
    int[] starts;
    int[] ends;
    int[] sessions;
    boolean[] complete;
    double[] open;
    double[] high;
    double[] low;
    double[] close;
    double[] volume;
    double[] vwap;

    public ResampledColumns() {
        this(1024);
    }

    public ResampledColumns(int capacity) {
        int initial = Math.max(16, capacity);
        symbols = new String[initial];
        starts = new int[initial];
        ends = new int[initial];
        sessions = new int[initial];
        complete = new boolean[initial];
        open = new double[initial];
        high = new double[initial];
        low = new double[initial];
        close = new double[initial];
        volume = new double[initial];
        vwap = new double[initial];
    }

    /** The bars as columns, in the given order. */
    public static ResampledColumns of(List<ResampledBar> bars) {
        ResampledColumns columns = new ResampledColumns(bars.size());
        for (ResampledBar bar : bars) {
            columns.add(bar.symbol(), (int) bar.start().toEpochDay(), (int) bar.end().toEpochDay(), bar.sessions(),
                    bar.complete(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                    bar.vwap() == null ? Double.NaN : bar.vwap());
        }
        return columns;
    }

    /** Appends one bar; {@code vwap} is {@code NaN} when there is none. */
    public void add(String symbol, int start, int end, int sessionCount, boolean isComplete, double o, double h,
            double l, double c, double v, double w) {
        if (size == symbols.length) {
            grow();
        }
        symbols[size] = symbol;
        starts[size] = start;
        ends[size] = end;
        sessions[size] = sessionCount;
        complete[size] = isComplete;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        vwap[size] = w;
        size++;
    }

    /** Appends row {@code row} of {@code other}. */
    public void addRow(ResampledColumns other, int row) {
        add(other.symbols[row], other.starts[row], other.ends[row], other.sessions[row], other.complete[row],
                other.open[row], other.high[row], other.low[row], other.close[row], other.volume[row], other.vwap[row]);
    }

    /**
     * The rows of two inputs, each in (symbol, start) order, merged into that order. A key present
     * in both is refused: callers merge kept rows with recomputed ones, which never overlap.
     */
    public static ResampledColumns merge(ResampledColumns a, ResampledColumns b) {
        if (b.size == 0) {
            return a;
        }
        if (a.size == 0) {
            return b;
        }
        ResampledColumns merged = new ResampledColumns(a.size + b.size);
        int i = 0;
        int j = 0;
        while (i < a.size || j < b.size) {
            int order = i == a.size ? 1 : j == b.size ? -1 : compare(a, i, b, j);
            if (order == 0) {
                throw new IllegalArgumentException("Cannot merge resampled rows: both hold " + a.symbols[i] + " at epoch day "
                        + a.starts[i]);
            }
            if (order < 0) {
                merged.addRow(a, i++);
            } else {
                merged.addRow(b, j++);
            }
        }
        return merged;
    }

    /** Compares row {@code i} of {@code a} with row {@code j} of {@code b} by (symbol, start). */
    static int compare(ResampledColumns a, int i, ResampledColumns b, int j) {
        String left = a.symbols[i];
        String right = b.symbols[j];
        int bySymbol = left == right ? 0 : left.compareTo(right);
        return bySymbol != 0 ? bySymbol : Integer.compare(a.starts[i], b.starts[j]);
    }

    private void grow() {
        int capacity = symbols.length * 2;
        symbols = Arrays.copyOf(symbols, capacity);
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        sessions = Arrays.copyOf(sessions, capacity);
        complete = Arrays.copyOf(complete, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
        vwap = Arrays.copyOf(vwap, capacity);
    }

    public int size() {
        return size;
    }

    public String symbol(int row) {
        return symbols[row];
    }

    /** The bucket's first session as an epoch day. */
    public int start(int row) {
        return starts[row];
    }

    /** The bucket's last session as an epoch day. */
    public int end(int row) {
        return ends[row];
    }

    public int sessions(int row) {
        return sessions[row];
    }

    public boolean complete(int row) {
        return complete[row];
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

    /** The bar's vwap, or {@code NaN} when none of its daily bars had one. */
    public double vwap(int row) {
        return vwap[row];
    }
}
