package io.barlake.cli;

import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Metrics;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.sweep.Sweep;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code barlake sweep}: a grid of a composite strategy's parameters backtested on one symbol. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Backtest a grid of a strategy's parameters on one symbol's bars from the lake.",
        description = {"Backtest every combination of a composite strategy's parameters on one symbol: write the",
                "strategy JSON with \"$name\" where a number goes (\"params\": [\"$fast\"]) and give each name's values",
                "with --param fast=5:50:5 (from:to:step) or --param fast=10,20,50. Rows are ranked by --metric;",
                "combinations run on every core. See docs/analytics.md."})
final class SweepCommand extends LakeCommand {
    @Mixin
    GridOptions grid = new GridOptions();

    @Option(names = "--top", defaultValue = "20", description = "Rows printed, best first (default ${DEFAULT-VALUE}; --json gives all).")
    int top;

    @Option(names = "--capital", defaultValue = "100000", description = "Initial capital (default ${DEFAULT-VALUE}).")
    double capital;

    @Option(names = "--commission-percent", defaultValue = "0", description = "Commission in %% of each fill (default ${DEFAULT-VALUE}).")
    double commissionPercent;

    @Option(names = "--slippage-percent", defaultValue = "0", description = "Each fill this %% worse (default ${DEFAULT-VALUE}).")
    double slippagePercent;

    @Mixin
    BarsSelection selection = new BarsSelection();

    @Option(names = "--json", description = "Print every row as JSON.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a page: a heatmap of --metric (two parameters)"
            + " and every row.")
    java.nio.file.Path report;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ToDoubleFunction<Metrics> ranked = grid.metric();
        ParameterGrid parameters = grid.grid();
        List<String> names = parameters.names();
        if (StrategyArgument.parse(parameters.filled(parameters.first()), grid.strategy, err) == null) {
            return ExitCodes.USAGE;
        }
        Timeframe frame = selection.frame();
        BacktestSettings settings;
        try {
            settings = new BacktestSettings(capital, 0, commissionPercent, slippagePercent, 1, 252).forSessionsPerBar(frame.sessions());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("sweep settings", null, e.getMessage());
        }
        BarSeries bars;
        try (ObjectStore store = lake.open(parent.environment())) {
            bars = selection.load(store, grid.symbol, parent.clock());
        }
        Sweep.Result result = Sweep.run(bars, names, parameters.values(), parameters::build, settings, Runtime.getRuntime().availableProcessors());
        if (report != null) {
            java.nio.file.Path folder = report.toAbsolutePath().getParent();
            if (folder != null) {
                java.nio.file.Files.createDirectories(folder);
            }
            java.nio.file.Files.writeString(report, io.barlake.analytics.report.SweepReport.html(result, result.rows().size()
                    + " combinations of " + grid.strategy + " on " + bars.symbol(), grid.metric, ranked));
        }
        List<Sweep.Row> rows = new ArrayList<>(result.rows());
        rows.sort(Comparator.comparingDouble((Sweep.Row row) -> ranked.applyAsDouble(row.metrics())).reversed());
        if (json) {
            List<Map<String, Object>> document = new ArrayList<>();
            for (Sweep.Row row : rows) {
                Map<String, Object> entry = new LinkedHashMap<>();
                for (int p = 0; p < names.size(); p++) {
                    entry.put(names.get(p), row.values()[p]);
                }
                entry.put("metrics", row.metrics());
                document.add(entry);
            }
            out.println(LakeJson.mapper().writeValueAsString(Map.of("symbol", bars.symbol(), "metric", grid.metric, "rows", document)));
        } else {
            out.printf(Locale.ROOT, "%d combinations on %s (%s), %s to %s, ranked by %s%n", rows.size(), bars.symbol(), frame.label(),
                    bars.dates()[0], bars.dates()[bars.size() - 1], grid.metric);
            out.println(String.join("  ", names) + "  |  sharpe  total return  max drawdown  trades");
            for (Sweep.Row row : rows.subList(0, Math.min(Math.max(top, 1), rows.size()))) {
                List<String> cells = new ArrayList<>();
                for (double value : row.values()) {
                    cells.add(Sweep.label(value));
                }
                Metrics m = row.metrics();
                out.printf(Locale.ROOT, "%s  |  %6.2f  %11.2f%%  %11.2f%%  %6d%n", String.join("  ", cells), m.sharpe(),
                        m.totalReturn() * 100, m.maxDrawdown() * 100, m.trades());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
