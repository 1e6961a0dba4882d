package io.barlake.analytics.portfolio;

import io.barlake.analytics.series.BarSeries;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What a portfolio is measured against, as an equity curve on the portfolio's sessions starting
 * from the same capital: buy-and-hold of one symbol (bought at the first session's close it has,
 * flat before it, its last close held after its last bar), or the equal-weight universe (each
 * session the mean close-to-close return of the symbols that traded on it and the session before,
 * rebalanced daily).
 */
public record Benchmark(String name, double[] equity) {
    /** What {@link #choose} holds when no benchmark is asked for and the lake has it. */
    public static final String DEFAULT_SYMBOL = "SPY";

    /**
     * The benchmark asked for: {@code "universe"} (any case) for the equal-weight universe, a
     * symbol for its buy-and-hold, or null for {@value #DEFAULT_SYMBOL} held when {@code daily}
     * finds it, else the equal-weight universe.
     *
     * @param daily a symbol's daily bars over the run, when there are any
     * @throws IllegalArgumentException when a symbol asked for has no bars
     */
    public static Benchmark choose(String asked, java.util.function.Function<String, java.util.Optional<BarSeries>> daily,
            List<BarSeries> universe, LocalDate[] dates, double capital) {
        if (asked != null && asked.equalsIgnoreCase("universe")) {
            return equalWeight(universe, dates, capital);
        }
        java.util.Optional<BarSeries> held = daily.apply(asked == null ? DEFAULT_SYMBOL : asked.toUpperCase(java.util.Locale.ROOT));
        if (held.isEmpty() && asked != null) {
            throw new IllegalArgumentException(asked + " has no daily bars in the range; give a symbol that has, or universe");
        }
        return held.map(bars -> buyAndHold(bars, dates, capital)).orElseGet(() -> equalWeight(universe, dates, capital));
    }

    /** Buy-and-hold of {@code bars} over {@code dates}. */
    public static Benchmark buyAndHold(BarSeries bars, LocalDate[] dates, double capital) {
        double[] equity = new double[dates.length];
        double first = Double.NaN;
        double last = Double.NaN;
        for (int d = 0; d < dates.length; d++) {
            int i = Arrays.binarySearch(bars.dates(), dates[d]);
            if (i >= 0) {
                last = bars.close()[i];
                if (Double.isNaN(first)) {
                    first = last;
                }
            }
            equity[d] = Double.isNaN(first) ? capital : capital * last / first;
        }
        return new Benchmark("buy and hold " + bars.symbol(), equity);
    }

    /** The equal-weight universe over {@code dates}. */
    public static Benchmark equalWeight(List<BarSeries> universe, LocalDate[] dates, double capital) {
        double[] sum = new double[dates.length];
        int[] count = new int[dates.length];
        for (BarSeries bars : universe) {
            for (int i = 1; i < bars.size(); i++) {
                int d = Arrays.binarySearch(dates, bars.dates()[i]);
                if (d > 0 && dates[d - 1].equals(bars.dates()[i - 1])) {
                    sum[d] += bars.close()[i] / bars.close()[i - 1] - 1;
                    count[d]++;
                }
            }
        }
        double[] equity = new double[dates.length];
        double value = capital;
        for (int d = 0; d < dates.length; d++) {
            if (count[d] > 0) {
                value *= 1 + sum[d] / count[d];
            }
            equity[d] = value;
        }
        return new Benchmark("equal-weight universe", equity);
    }
}
