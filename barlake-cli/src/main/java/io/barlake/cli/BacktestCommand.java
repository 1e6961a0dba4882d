package io.barlake.cli;

import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.backtest.Metrics;
import io.barlake.analytics.portfolio.Costs;
import io.barlake.analytics.portfolio.PortfolioSettings;
import io.barlake.analytics.portfolio.Rank;
import io.barlake.analytics.report.BacktestReport;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.Continuity;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code barlake backtest}: one strategy on one symbol's bars from the lake, or over a universe with one account. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        header = "Backtest a strategy on one symbol's bars from the lake, or on a universe of them.",
        description = {"Backtest a strategy on one symbol's split-adjusted bars from the lake: long only, signals at",
                "the close filled at the next open, stops checked against highs and lows.",
                "With --universe all|A,B,C instead of --symbol: a portfolio over those symbols' daily bars with one",
                "cash account, --max-positions slots filled by momentum rank, --sizing and --costs, long only or",
                "--direction long-short, against --benchmark (SPY held when the lake has it, else the",
                "equal-weight universe); with dividends reinvested when the lake has them.",
                "Prebuilt strategies: golden-cross, rsi-momentum, macd-crossover, bollinger-breakout,",
                "atr-breakout, vegas-channel, and the screens volume-spike, big-move, gap; or a composite",
                "strategy JSON file (docs/analytics.md)."})
final class BacktestCommand extends LakeCommand {
    @Option(names = "--symbol", description = "Ticker, e.g. AAPL or BRK.B.")
    String symbol;

    @Option(names = "--universe", paramLabel = "all|picks|A,B,C", description = "A portfolio over these symbols instead of --symbol"
            + " (picks: those the latest scan picked to buy).")
    String universe;

    @Option(names = "--max-positions", defaultValue = "10", description = "With --universe: positions held at once (default ${DEFAULT-VALUE}).")
    int maxPositions;

    @Option(names = "--sizing", defaultValue = "equal", paramLabel = "RULE",
            description = "With --universe: equal, fraction:F, atr:RISK[:PERIOD[:MULTIPLE]] or vol:TARGET[:LOOKBACK] (default ${DEFAULT-VALUE}).")
    String sizing;

    @Option(names = "--costs", paramLabel = "LIST",
            description = "With --universe: order:D,share:D,bps:N,min:D,slippage-bps:N,range:F,borrow:N (borrow: bps a year on"
                    + " short sales; each 0 when left out).")
    String costs;

    @Option(names = "--rank", defaultValue = "roc:20", paramLabel = "[-]INDICATOR",
            description = "With --universe: which signals take the slots first, by an indicator at the signal bar, highest first"
                    + " (a leading '-': lowest first), e.g. rsi:14 or -natr:14 (default ${DEFAULT-VALUE}: momentum).")
    String rank;

    @Option(names = "--direction", defaultValue = "long", paramLabel = "long|long-short",
            description = "With --universe: long only, or also short: a SELL when flat sells short, a BUY covers (default ${DEFAULT-VALUE}).")
    String direction;

    @Option(names = "--benchmark", paramLabel = "SYMBOL|universe", description = "With --universe: what to measure against.")
    String benchmark;

    @Option(names = "--strategy", required = true, paramLabel = "NAME|FILE.json", description = "Prebuilt name or composite file.")
    String strategy;

    @Mixin
    BarsSelection selection = new BarsSelection();

    @Option(names = "--capital", defaultValue = "100000", description = "Initial capital (default ${DEFAULT-VALUE}).")
    double capital;

    @Option(names = "--commission", defaultValue = "0", description = "Fixed commission per fill (default ${DEFAULT-VALUE}).")
    double commission;

    @Option(names = "--commission-percent", defaultValue = "0", description = "Commission in %% of each fill's value (default ${DEFAULT-VALUE}).")
    double commissionPercent;

    @Option(names = "--slippage-percent", defaultValue = "0", description = "Each fill this %% worse than the price (default ${DEFAULT-VALUE}).")
    double slippagePercent;

    @Option(names = "--fraction", defaultValue = "1", description = "Fraction of equity per entry, (0, 1] (default all in).")
    double fraction;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write an HTML report with charts (with --universe: a tear"
            + " sheet against the benchmark).")
    Path report;

    @Option(names = "--json", description = "Print metrics and trades as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if ((symbol == null) == (universe == null)) {
            throw new InvalidSettingException("--symbol", symbol, "give --symbol TICKER or --universe all|A,B,C, one of them");
        }
        if (universe != null) {
            return portfolio(out);
        }
        Timeframe frame = selection.frame();
        BacktestSettings settings;
        try {
            settings = new BacktestSettings(capital, commission, commissionPercent, slippagePercent, fraction, 252)
                    .forSessionsPerBar(frame.sessions());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("backtest settings", null, e.getMessage());
        }
        Adjustment mode = selection.adjustment();
        Continuity history = selection.continuity();
        Strategy chosen = StrategyArgument.resolve(strategy, spec.commandLine().getErr());
        if (chosen == null) {
            return ExitCodes.USAGE;
        }
        BarSeries bars;
        boolean synthetic;
        try (ObjectStore store = lake.open(parent.environment())) {
            bars = selection.load(store, symbol, parent.clock());
            synthetic = SyntheticData.in(store, parent.clock());
        }
        BacktestResult result = Backtester.run(bars, chosen, settings);
        String describedSettings = String.format(Locale.ROOT, "Capital %,.0f; commission %s + %s%%; slippage %s%%; %s of equity per entry; "
                        + "prices %s.", capital, commission, commissionPercent, slippagePercent, fraction == 1 ? "all" : fraction * 100 + "%",
                mode == Adjustment.TOTAL_RETURN ? "with dividends reinvested" : mode == Adjustment.RAW ? "as traded" : "split-adjusted")
                + (history == Continuity.CONTINUOUS ? " Across the security's renames." : "");
        if (report != null) {
            Path parentFolder = report.toAbsolutePath().getParent();
            if (parentFolder != null) {
                Files.createDirectories(parentFolder);
            }
            Files.writeString(report, BacktestReport.html(result, bars, frame.label(), describedSettings,
                    synthetic ? SyntheticData.WARNING : null));
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("symbol", result.symbol());
            document.put("synthetic", synthetic);
            document.put("strategy", result.strategy());
            document.put("timeframe", frame.label());
            document.put("adjustment", mode.label());
            document.put("continuity", history.label());
            document.put("from", bars.dates()[0]);
            document.put("to", bars.dates()[bars.size() - 1]);
            document.put("metrics", result.metrics());
            double hold = BacktestReport.buyAndHoldReturn(bars);
            document.put("buy_and_hold_return", hold);
            document.put("excess_return", result.metrics().totalReturn() - hold);
            document.put("trades", result.trades());
            out.println(LakeJson.mapper().writeValueAsString(document));
        } else {
            if (synthetic) {
                out.println(SyntheticData.WARNING);
            }
            printSummary(out, result, bars, frame, describedSettings);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Integer portfolio(PrintWriter out) throws IOException {
        if (selection.frame() != Timeframe.D1) {
            throw new InvalidSettingException("--timeframe", selection.frame().label(), "a portfolio runs on daily bars (1d)");
        }
        PortfolioSettings settings;
        try {
            settings = new PortfolioSettings(capital, maxPositions, PortfolioOptions.sizing(sizing),
                    costs == null ? Costs.none() : PortfolioOptions.costs(costs), 252, PortfolioOptions.direction(direction));
        } catch (InvalidSettingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("portfolio settings", null, e.getMessage());
        }
        Rank ranked = PortfolioOptions.rank(rank);
        Strategy chosen = StrategyArgument.resolve(strategy, spec.commandLine().getErr());
        if (chosen == null) {
            return ExitCodes.USAGE;
        }
        // The portfolio's own default (total return when the lake has dividends) unless --adjustment was given.
        Adjustment asked = PortfolioBacktest.refuseRaw(
                spec.commandLine().getParseResult().hasMatchedOption("--adjustment") ? selection.adjustment() : null);
        try (ObjectStore store = lake.open(parent.environment())) {
            boolean synthetic = SyntheticData.in(store, parent.clock());
            if (!json && synthetic) {
                out.println(SyntheticData.WARNING);
            }
            PortfolioBacktest.run(store, parent.clock(), new PortfolioBacktest.Request(universe, chosen, settings, ranked, benchmark,
                    selection.from, selection.to, asked, json, report, synthetic ? SyntheticData.WARNING : null), out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printSummary(PrintWriter out, BacktestResult result, BarSeries bars, Timeframe frame, String settings) {
        Metrics m = result.metrics();
        out.printf(Locale.ROOT, "%s on %s (%s), %s to %s, %d bars%n", result.strategy(), result.symbol(), frame.label(),
                bars.dates()[0], bars.dates()[bars.size() - 1], bars.size());
        out.println(settings);
        out.printf(Locale.ROOT, "  total return   %9.2f%%    CAGR          %8.2f%%%n", m.totalReturn() * 100, m.cagr() * 100);
        double hold = BacktestReport.buyAndHoldReturn(bars);
        out.printf(Locale.ROOT, "  buy and hold   %9.2f%%    excess        %8.2f%%%n", hold * 100, (m.totalReturn() - hold) * 100);
        out.printf(Locale.ROOT, "  max drawdown   %9.2f%%    volatility    %8.2f%%%n", m.maxDrawdown() * 100,
                m.annualVolatility() * 100);
        out.printf(Locale.ROOT, "  Sharpe         %10.2f    Sortino       %9.2f    Calmar %6.2f%n", m.sharpe(), m.sortino(), m.calmar());
        out.printf(Locale.ROOT, "  trades         %10d    win rate      %8.2f%%    exposure %5.1f%%%n", m.trades(),
                m.winRate() * 100, m.exposure() * 100);
        out.printf(Locale.ROOT, "  profit factor  %10s    expectancy    %9.2f%n",
                m.profitFactor() == Metrics.PROFIT_FACTOR_CAP ? "no loss" : String.format(Locale.ROOT, "%.2f", m.profitFactor()),
                m.expectancy());
        if (report != null) {
            out.println("Report: " + report.toAbsolutePath());
        }
    }
}
