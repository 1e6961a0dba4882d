package io.barlake.lake.parquet;

import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;

/**
 * One session's market figures per symbol, as columns in symbol order: the content of {@code
 * gold/market/date=D/symbols.parquet}. A missing figure (no previous close, too little history) is
 * {@code NaN} and is stored as null. Prices are on the session's basis (split-adjusted to it).
 * Filled row by row with {@link #add}, read by index.
 */
public final class MarketColumns {
    private int size;
    private String[] symbols;
    private int[] dates;
    /** close, change_pct, volume, avg_volume_20, volume_ratio, gap_pct, return_5d, return_21d, volatility_21d, rsi_14, sma_50, sma_200, high_52w, low_52w. */
    private double[][] figures;
    /** volume_spike, big_move, new_high, new_low. */
    private boolean[][] flags;
    private String[] trends;

    /** The figure columns, in file order. */
    public enum Figure { CLOSE, CHANGE_PCT, VOLUME, AVG_VOLUME_20, VOLUME_RATIO, GAP_PCT, RETURN_5D, RETURN_21D, VOLATILITY_21D,
        RSI_14, SMA_50, SMA_200, HIGH_52W, LOW_52W }

    /** The flag columns, in file order. */
    public enum Flag { VOLUME_SPIKE, BIG_MOVE, NEW_HIGH, NEW_LOW }

    /** The file's column names, in file order. */
    public static List<String> columnNames() {
        return BarSchemas.MARKET.getFields().stream().map(Schema.Field::name).toList();
    }

    public MarketColumns(int capacity) {
        int n = Math.max(capacity, 1);
        symbols = new String[n];
        dates = new int[n];
        figures = new double[Figure.values().length][n];
        flags = new boolean[Flag.values().length][n];
        trends = new String[n];
    }

    /**
     * Appends one symbol's row; {@code figures} and {@code flags} in the order of {@link Figure}
     * and {@link Flag}. Symbols must come in strictly increasing order.
     */
    public void add(String symbol, int epochDay, double[] rowFigures, boolean[] rowFlags, String trend) {
        if (size > 0 && symbols[size - 1].compareTo(symbol) >= 0) {
            throw new IllegalArgumentException("Market rows out of symbol order at " + symbol);
        }
        if (size == symbols.length) {
            int n = size * 2;
            symbols = Arrays.copyOf(symbols, n);
            dates = Arrays.copyOf(dates, n);
            trends = Arrays.copyOf(trends, n);
            for (int f = 0; f < figures.length; f++) {
                figures[f] = Arrays.copyOf(figures[f], n);
            }
            for (int f = 0; f < flags.length; f++) {
                flags[f] = Arrays.copyOf(flags[f], n);
            }
        }
        symbols[size] = symbol;
        dates[size] = epochDay;
        for (int f = 0; f < figures.length; f++) {
            figures[f][size] = rowFigures[f];
        }
        for (int f = 0; f < flags.length; f++) {
            flags[f][size] = rowFlags[f];
        }
        trends[size] = trend;
        size++;
    }

    /** Appends every row of {@code later}, whose symbols all come after this one's. */
    public void addAll(MarketColumns later) {
        if (later.size == 0) {
            return;
        }
        if (size > 0 && symbols[size - 1].compareTo(later.symbols[0]) >= 0) {
            throw new IllegalArgumentException("Market rows out of symbol order at " + later.symbols[0]);
        }
        int n = size + later.size;
        symbols = Arrays.copyOf(symbols, Math.max(n, symbols.length));
        dates = Arrays.copyOf(dates, symbols.length);
        trends = Arrays.copyOf(trends, symbols.length);
        System.arraycopy(later.symbols, 0, symbols, size, later.size);
        System.arraycopy(later.dates, 0, dates, size, later.size);
        System.arraycopy(later.trends, 0, trends, size, later.size);
        for (int f = 0; f < figures.length; f++) {
            figures[f] = Arrays.copyOf(figures[f], symbols.length);
            System.arraycopy(later.figures[f], 0, figures[f], size, later.size);
        }
        for (int f = 0; f < flags.length; f++) {
            flags[f] = Arrays.copyOf(flags[f], symbols.length);
            System.arraycopy(later.flags[f], 0, flags[f], size, later.size);
        }
        size = n;
    }

    public int size() {
        return size;
    }

    public String symbol(int row) {
        return symbols[row];
    }

    /** The session, as an epoch day. */
    public int date(int row) {
        return dates[row];
    }

    /** A figure of a row; {@code NaN} when it has none. */
    public double figure(Figure figure, int row) {
        return figures[figure.ordinal()][row];
    }

    public boolean flag(Flag flag, int row) {
        return flags[flag.ordinal()][row];
    }

    /** {@code up}, {@code down} or {@code sideways}. */
    public String trend(int row) {
        return trends[row];
    }

    String[] symbols() {
        return symbols;
    }

    int[] dates() {
        return dates;
    }

    double[] column(Figure figure) {
        return figures[figure.ordinal()];
    }

    boolean[] column(Flag flag) {
        return flags[flag.ordinal()];
    }

    String[] trends() {
        return trends;
    }

    /** Sized for reading {@code rows} rows straight into the columns. */
    static MarketColumns forReading(int rows) {
        MarketColumns columns = new MarketColumns(rows);
        columns.size = rows;
        return columns;
    }
}
