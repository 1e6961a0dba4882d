package io.barlake.lake.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects one symbol's bars in date order, as they are read, into {@link SymbolBars}. */
public final class SymbolBarsBuilder {
    private final List<LocalDate> dates = new ArrayList<>();
    private double[][] columns = new double[5][64];

    public void add(LocalDate date, double open, double high, double low, double close, double volume) {
        int i = dates.size();
        if (i == columns[0].length) {
            for (int c = 0; c < 5; c++) {
                columns[c] = Arrays.copyOf(columns[c], i * 2);
            }
        }
        dates.add(date);
        columns[0][i] = open;
        columns[1][i] = high;
        columns[2][i] = low;
        columns[3][i] = close;
        columns[4][i] = volume;
    }

    public boolean isEmpty() {
        return dates.isEmpty();
    }

    public SymbolBars build(String symbol) {
        int n = dates.size();
        return new SymbolBars(symbol, dates.toArray(LocalDate[]::new), Arrays.copyOf(columns[0], n),
                Arrays.copyOf(columns[1], n), Arrays.copyOf(columns[2], n), Arrays.copyOf(columns[3], n),
                Arrays.copyOf(columns[4], n));
    }
}
