package io.barlake.cli;

import io.barlake.analytics.backtest.Metrics;
import java.util.List;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Option;

/** What {@code sweep} and {@code walkforward} both take: the symbol, the strategy template, its parameters' values and the metric. */
final class GridOptions {
    @Option(names = "--symbol", required = true, description = "Ticker, e.g. AAPL.")
    String symbol;

    @Option(names = "--strategy", required = true, paramLabel = "FILE.json", description = "A composite strategy with $name placeholders.")
    String strategy;

    @Option(names = "--param", required = true, paramLabel = "NAME=FROM:TO:STEP|V1,V2,...", description = "A parameter's values (repeat for each).")
    List<String> params;

    @Option(names = "--metric", defaultValue = "sharpe", description = "Rank by sharpe, sortino, calmar, total_return, cagr, profit_factor"
            + " or expectancy (default ${DEFAULT-VALUE}).")
    String metric;

    ParameterGrid grid() {
        return ParameterGrid.of(strategy, params);
    }

    ToDoubleFunction<Metrics> metric() {
        return ParameterGrid.metric(metric);
    }
}
