package io.barlake.analytics.sweep;

import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.backtest.Metrics;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A grid of strategy parameters backtested on one series: every combination of the values given
 * for each parameter (the first parameter varying slowest), each built by {@code build} and run by
 * the single-symbol {@link Backtester}, split over {@code threads} threads. Each thread keeps one
 * {@link BarContext}, so an indicator shared by several combinations (SMA(50) in every row with a
 * fast average of 50) is computed once per thread. Rows come back in grid order whatever the
 * threads, with the same metrics as running each combination alone.
 */
public final class Sweep {
    private Sweep() {}

    /** One combination: its parameter values (in the order of {@link Result#parameters()}) and its metrics. */
    public record Row(double[] values, Metrics metrics) {}

    /** Every combination's row, in grid order. */
    public record Result(List<String> parameters, List<Row> rows) {
        public Result {
            parameters = List.copyOf(parameters);
            rows = List.copyOf(rows);
        }
    }

    /**
     * @param names  the parameters' names
     * @param values each parameter's values, in the order of {@code names}
     * @param build  the strategy for one combination of values
     */
    public static Result run(BarSeries bars, List<String> names, List<double[]> values, Function<double[], Strategy> build,
            BacktestSettings settings, int threads) {
        if (names.size() != values.size() || names.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs values for each of its " + names.size() + " parameters");
        }
        List<double[]> grid = grid(values);
        Row[] rows = new Row[grid.size()];
        int workers = Math.max(1, Math.min(threads, grid.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                parts.add(pool.submit(() -> {
                    BarContext context = new BarContext(bars);
                    // Interleaved, so neighbouring rows (the costly long averages) are shared fairly.
                    for (int i = worker; i < rows.length; i += workers) {
                        double[] combination = grid.get(i);
                        rows[i] = new Row(combination, Backtester.run(context, build.apply(combination), settings).metrics());
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(names, List.of(rows));
    }

    /** A parameter value as it is written: {@code 20}, not {@code 20.0}; {@code 0.5} as it is. */
    public static String label(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Every combination, the first parameter varying slowest. */
    static List<double[]> grid(List<double[]> values) {
        List<double[]> grid = new ArrayList<>();
        grid.add(new double[0]);
        for (double[] choices : values) {
            List<double[]> next = new ArrayList<>(grid.size() * choices.length);
            for (double[] prefix : grid) {
                for (double choice : choices) {
                    double[] combination = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                    combination[prefix.length] = choice;
                    next.add(combination);
                }
            }
            grid = next;
        }
        return grid;
    }
}
