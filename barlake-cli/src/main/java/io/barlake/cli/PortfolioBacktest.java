package io.barlake.cli;

import io.barlake.analytics.portfolio.Benchmark;
import io.barlake.analytics.portfolio.PortfolioBacktester;
import io.barlake.analytics.portfolio.PortfolioMetrics;
import io.barlake.analytics.portfolio.PortfolioResult;
import io.barlake.analytics.portfolio.PortfolioSettings;
import io.barlake.analytics.portfolio.Rank;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.SymbolLookup;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.scan.PortfolioBars;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code barlake backtest --universe}: one strategy over many symbols of the lake with one cash
 * account ({@link PortfolioBacktester}), daily bars with dividends reinvested when the lake has
 * dividends (else split-adjusted, or as {@code --adjustment} says), against a benchmark read the
 * same way: SPY held when the lake has it, else the equal-weight universe, or the symbol given.
 */
final class PortfolioBacktest {
    private PortfolioBacktest() {}

    /** What the command was given; {@code adjustment} null for the default. */
    record Request(String universe, Strategy strategy, PortfolioSettings settings, Rank rank, String benchmark, LocalDate from,
            LocalDate to, Adjustment adjustment, boolean json, java.nio.file.Path report, String dataWarning) {}

    /** The adjustment asked for, refused when raw: raw prices jump at every split. */
    static Adjustment refuseRaw(Adjustment asked) {
        if (asked == Adjustment.RAW) {
            throw new InvalidSettingException("--adjustment", "raw", "a portfolio reads split or total_return bars, not raw");
        }
        return asked;
    }

    static void run(ObjectStore store, Clock clock, Request request, PrintWriter out) throws IOException {
        PortfolioBars bars = PortfolioBars.of(store, clock, request.from(), request.to(), refuseRaw(request.adjustment()))
                .orElseThrow(() -> new InvalidSettingException("--universe", request.universe(), "the lake has no daily bars yet"));
        LocalDate last = bars.last();
        Set<String> only = request.universe().equalsIgnoreCase("all") ? Set.of()
                : request.universe().equalsIgnoreCase("picks") ? picks(store, last)
                : new TreeSet<>(SymbolLookup.resolveAll(store, Arrays.stream(request.universe().split(",")).map(String::trim)
                        .filter(symbol -> !symbol.isEmpty()).toList()));
        Adjustment adjustment = bars.adjustment();
        List<BarSeries> universe = bars.universe(only);
        if (universe.isEmpty()) {
            throw new InvalidSettingException("--universe", request.universe(), "no symbol of it has daily bars in the lake"
                    + (request.from() == null ? "" : " from " + request.from()) + " to " + last);
        }
        PortfolioResult result = PortfolioBacktester.run(universe, request.strategy(), request.settings(), request.rank());
        Benchmark benchmark = benchmark(bars, request, universe, result);
        PortfolioMetrics metrics = PortfolioMetrics.of(result, benchmark);
        if (request.report() != null) {
            java.nio.file.Path folder = request.report().toAbsolutePath().getParent();
            if (folder != null) {
                java.nio.file.Files.createDirectories(folder);
            }
            String settings = request.settings().describe() + String.format(Locale.ROOT, "; entries ranked by %s; daily bars of %d"
                    + " symbols, %s; against %s.", request.rank().describe(), universe.size(), prices(adjustment), metrics.benchmark());
            java.nio.file.Files.writeString(request.report(), io.barlake.analytics.report.PortfolioReport.html(result, metrics, benchmark,
                    universe.size(), settings, request.dataWarning()));
        }
        if (request.json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("strategy", result.strategy());
            document.put("symbols", universe.size());
            document.put("from", result.dates()[0]);
            document.put("to", result.dates()[result.dates().length - 1]);
            document.put("adjustment", adjustment.label());
            Map<String, Object> echo = settings(request.settings());
            echo.put("rank", request.rank().describe());
            document.put("settings", echo);
            document.put("metrics", metrics);
            document.put("trades", result.trades());
            List<Map<String, Object>> curve = new ArrayList<>();
            for (int d = 0; d < result.dates().length; d++) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("date", result.dates()[d]);
                point.put("equity", result.equity()[d]);
                point.put("benchmark", benchmark.equity()[d]);
                curve.add(point);
            }
            document.put("equity", curve);
            out.println(LakeJson.mapper().writeValueAsString(document));
            return;
        }
        if (request.report() != null) {
            out.println("Report: " + request.report().toAbsolutePath());
        }
        out.printf(Locale.ROOT, "%s on %d symbols, %s to %s, %d sessions, %s%n", result.strategy(), universe.size(), result.dates()[0],
                result.dates()[result.dates().length - 1], result.dates().length, prices(adjustment));
        out.printf(Locale.ROOT, "%s; ranked by %s; against %s.%n", request.settings().describe(), request.rank().describe(),
                metrics.benchmark());
        PortfolioMetrics m = metrics;
        out.printf(Locale.ROOT, "  total return   %9.2f%%    CAGR          %8.2f%%%n", m.totalReturn() * 100, m.cagr() * 100);
        out.printf(Locale.ROOT, "  benchmark      %9.2f%%    excess        %8.2f%%%n", m.benchmarkReturn() * 100, m.excessReturn() * 100);
        out.printf(Locale.ROOT, "  max drawdown   %9.2f%%    (%d sessions)  volatility %6.2f%%%n", m.maxDrawdown() * 100,
                m.maxDrawdownSessions(), m.volatility() * 100);
        out.printf(Locale.ROOT, "  Sharpe         %10.2f    Sortino       %9.2f    Calmar %6.2f%n", m.sharpe(), m.sortino(), m.calmar());
        out.printf(Locale.ROOT, "  alpha          %9.2f%%    beta          %9.2f    information ratio %5.2f, tracking error %.2f%%%n",
                m.alpha() * 100, m.beta(), m.informationRatio(), m.trackingError() * 100);
        out.printf(Locale.ROOT, "  trades         %10d    win rate      %8.2f%%    profit factor %s, expectancy %.2f%n", m.trades(),
                m.winRate() * 100, m.profitFactor() >= 999 ? "no loss" : String.format(Locale.ROOT, "%.2f", m.profitFactor()),
                m.expectancy());
        out.printf(Locale.ROOT, "  exposure       %9.2f%%    turnover      %8.2f a year    fees, slippage, borrow %,.2f%n",
                m.exposure() * 100, m.annualTurnover(), m.fees());
    }

    /** The symbols the scan picked to buy on {@code session}. */
    private static Set<String> picks(ObjectStore store, LocalDate session) {
        String key = io.barlake.lake.layout.LakeLayout.signals(session);
        if (store.head(key).isEmpty()) {
            throw new InvalidSettingException("--universe", "picks", "no scan picks for " + session + "; run barlake scan first");
        }
        Set<String> symbols = new TreeSet<>();
        for (io.barlake.lake.model.SignalPick pick : io.barlake.lake.parquet.ParquetCodec.SIGNALS.read(store, key)) {
            if (pick.signal().equals("BUY")) {
                symbols.add(pick.symbol());
            }
        }
        if (symbols.isEmpty()) {
            throw new InvalidSettingException("--universe", "picks", "the scan of " + session + " picked nothing to buy");
        }
        return symbols;
    }

    private static String prices(Adjustment adjustment) {
        return adjustment == Adjustment.TOTAL_RETURN ? "dividends reinvested" : "split-adjusted";
    }

    private static Benchmark benchmark(PortfolioBars bars, Request request, List<BarSeries> universe, PortfolioResult result) {
        try {
            return Benchmark.choose(request.benchmark(), bars::one, universe, result.dates(), request.settings().initialCapital());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--benchmark", request.benchmark(), e.getMessage());
        }
    }

    private static Map<String, Object> settings(PortfolioSettings settings) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("initial_capital", settings.initialCapital());
        echo.put("max_positions", settings.maxPositions());
        echo.put("sizing", settings.sizing().describe());
        echo.put("costs", settings.costs());
        echo.put("direction", settings.direction().label());
        echo.put("bars_per_year", settings.barsPerYear());
        return echo;
    }
}
