package io.barlake.cli;

import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Metrics;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.sweep.Sweep;
import io.barlake.analytics.sweep.WalkForward;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code barlake walkforward}: rolling train / test windows over one symbol, in-sample against out-of-sample. */
@Command(name = "walkforward", mixinStandardHelpOptions = true,
        header = "Choose parameters on training bars, measure them on the bars after, window by window.",
        description = {"Rolling windows of --train bars then --test bars over one symbol: in each, every combination of",
                "the --param values (as sweep takes them) runs on the training bars, the best by --metric is kept and",
                "measured on the test bars that follow. In-sample against out-of-sample shows overfitting.",
                "See docs/analytics.md."})
final class WalkForwardCommand extends LakeCommand {
    @Mixin
    GridOptions grid = new GridOptions();

    @Option(names = "--train", defaultValue = "504", description = "Training bars per window (default ${DEFAULT-VALUE}, two years of sessions).")
    int train;

    @Option(names = "--test", defaultValue = "126", description = "Test bars per window, and the step (default ${DEFAULT-VALUE}).")
    int test;

    @Option(names = "--capital", defaultValue = "100000", description = "Initial capital (default ${DEFAULT-VALUE}).")
    double capital;

    @Mixin
    BarsSelection selection = new BarsSelection();

    @Option(names = "--json", description = "Print the windows as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ToDoubleFunction<Metrics> chooseBy = grid.metric();
        ParameterGrid parameters = grid.grid();
        if (StrategyArgument.parse(parameters.filled(parameters.first()), grid.strategy, spec.commandLine().getErr()) == null) {
            return ExitCodes.USAGE;
        }
        Timeframe frame = selection.frame();
        BarSeries bars;
        try (ObjectStore store = lake.open(parent.environment())) {
            bars = selection.load(store, grid.symbol, parent.clock());
        }
        WalkForward.Result result;
        try {
            BacktestSettings settings = new BacktestSettings(capital, 0, 0, 0, 1, 252).forSessionsPerBar(frame.sessions());
            result = WalkForward.run(bars, parameters.names(), parameters.values(), parameters::build, settings, chooseBy, train, test,
                    Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--train/--test", train + "/" + test, e.getMessage());
        }
        if (json) {
            out.println(LakeJson.mapper().writeValueAsString(result));
        } else {
            out.printf(Locale.ROOT, "%d windows on %s (%s) of %d training and %d test bars, chosen by %s%n", result.windows().size(),
                    bars.symbol(), frame.label(), train, test, grid.metric);
            out.printf(Locale.ROOT, "%-23s  %-23s  %-16s  %9s  %9s  %10s  %10s%n", "train", "test", String.join(",", parameters.names()),
                    "IS Sharpe", "OS Sharpe", "IS return", "OS return");
            for (WalkForward.Window w : result.windows()) {
                List<String> chosen = new ArrayList<>();
                for (double value : w.chosen()) {
                    chosen.add(Sweep.label(value));
                }
                out.printf(Locale.ROOT, "%s..%s  %s..%s  %-16s  %9.2f  %9.2f  %9.2f%%  %9.2f%%%n", w.trainFrom(), w.trainTo(), w.testFrom(),
                        w.testTo(), String.join(",", chosen), w.inSample().sharpe(), w.outOfSample().sharpe(),
                        w.inSample().totalReturn() * 100, w.outOfSample().totalReturn() * 100);
            }
            out.printf(Locale.ROOT, "Mean Sharpe in sample %.2f, out of sample %.2f; out-of-sample windows chained: %.2f%%%n",
                    result.meanInSampleSharpe(), result.meanOutOfSampleSharpe(), result.outOfSampleReturn() * 100);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
