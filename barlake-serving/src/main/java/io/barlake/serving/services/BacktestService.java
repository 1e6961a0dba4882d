package io.barlake.serving.services;

import static java.util.Objects.requireNonNull;

import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.portfolio.Benchmark;
import io.barlake.analytics.portfolio.PortfolioBacktester;
import io.barlake.analytics.portfolio.PortfolioMetrics;
import io.barlake.analytics.portfolio.PortfolioResult;
import io.barlake.analytics.portfolio.PortfolioSettings;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.NoBarsException;
import io.barlake.lake.read.SymbolBars;
import io.barlake.serving.http.ApiException;
import io.barlake.signals.scan.PortfolioBars;
import io.barlake.signals.series.LakeSeries;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.time.LocalDate;

/**
 * A strategy run over one symbol's bars from the lake, with the backtester's next-open fills; the
 * rules the API adds to the backtester's own: at most {@value #MAX_SPAN_DAYS} days of history, and
 * the settings' year scaled to bars of the query's timeframe.
 */
public final class BacktestService {
    /** At most 30 years of history in one backtest. */
    public static final long MAX_SPAN_DAYS = 30L * 366;

    /**
     * One backtest as asked.
     *
     * @param settings per daily bar; {@link #run} scales them to the timeframe
     * @throws ApiException 400 when the range is longer than 30 years
     */
    public record Request(SeriesQuery series, Strategy strategy, BacktestSettings settings) {
        public Request {
            requireNonNull(series, "series is null");
            requireNonNull(strategy, "strategy is null");
            requireNonNull(settings, "settings is null");
            if (series.from() != null && series.to() != null && ChronoUnit.DAYS.between(series.from(), series.to()) > MAX_SPAN_DAYS) {
                throw ApiException.badRequest("the range is longer than 30 years");
            }
        }
    }

    /** The query run, the bars the strategy ran over and what it did on them. */
    public record Outcome(SeriesQuery query, SymbolBars bars, BacktestResult result) {}

    private final SeriesCache series;
    private final io.barlake.lake.store.ObjectStore store;
    private final java.time.Clock clock;

    /** Single-symbol backtests read through {@code series}; portfolios read {@code store}'s year files once for all their symbols. */
    public BacktestService(SeriesCache series, io.barlake.lake.store.ObjectStore store, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
        this.series = series;
    }

    /** At most this many symbols in one portfolio backtest: its time grows with them. */
    public static final int MAX_UNIVERSE = 500;

    /**
     * One portfolio backtest as asked: daily bars of {@code symbols} in the range, read as
     * {@code adjustment} says (null: total return when the lake has dividends, else split-adjusted),
     * measured against {@code benchmark} (a symbol) read the same way, or SPY when null and the lake
     * has it, else the equal-weight universe.
     *
     * @throws ApiException 400 for raw bars, more than {@value #MAX_UNIVERSE} symbols or 30 years
     */
    public record PortfolioRequest(List<String> symbols, LocalDate from, LocalDate to, Strategy strategy, PortfolioSettings settings,
            io.barlake.analytics.portfolio.Rank rank, String benchmark, Adjustment adjustment) {
        public PortfolioRequest {
            requireNonNull(strategy, "strategy is null");
            requireNonNull(rank, "rank is null");
            requireNonNull(settings, "settings is null");
            if (adjustment == Adjustment.RAW) {
                throw ApiException.badRequest("'adjustment' of a portfolio must be split or total_return: raw prices jump at splits");
            }
            if (symbols.isEmpty() || symbols.size() > MAX_UNIVERSE) {
                throw ApiException.badRequest("'universe' must list from 1 to " + MAX_UNIVERSE + " symbols");
            }
            if (from != null && to != null && ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
                throw ApiException.badRequest("the range is longer than 30 years");
            }
        }
    }

    /** What a portfolio backtest did, its figures against the benchmark, the symbols it had bars of, and how they were read. */
    public record PortfolioOutcome(PortfolioResult result, PortfolioMetrics metrics, Benchmark benchmark, List<String> symbols,
            Adjustment adjustment) {}

    /** @throws ApiException 404 when the lake has no bars of any of the symbols in the range */
    public PortfolioOutcome portfolio(PortfolioRequest request) {
        PortfolioBars bars = PortfolioBars.of(store, clock, request.from(), request.to(), request.adjustment())
                .orElseThrow(() -> ApiException.notFound("The lake has no daily bars yet"));
        List<BarSeries> universe = bars.universe(new java.util.TreeSet<>(io.barlake.lake.read.SymbolLookup.resolveAll(store,
                request.symbols())));
        if (universe.isEmpty()) {
            throw ApiException.notFound("No daily bars for any symbol of 'universe' in that range");
        }
        PortfolioResult result = PortfolioBacktester.run(universe, request.strategy(), request.settings(), request.rank());
        Benchmark benchmark;
        try {
            benchmark = Benchmark.choose(request.benchmark(), bars::one, universe, result.dates(), request.settings().initialCapital());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'benchmark' " + e.getMessage());
        }
        return new PortfolioOutcome(result, PortfolioMetrics.of(result, benchmark), benchmark,
                universe.stream().map(BarSeries::symbol).toList(), bars.adjustment());
    }


    /** @throws ApiException 404 when the lake has no bars of the symbol in the range */
    public Outcome run(Request request) {
        SeriesQuery query = request.series();
        SymbolBars bars;
        try {
            bars = series.bars(query.symbol(), query.timeframe(), query.from(), query.to(), query.adjustment(), query.continuity());
        } catch (NoBarsException e) {
            throw ApiException.notFound("No " + query.timeframe().label() + " bars for " + query.symbol() + " in that range");
        }
        BacktestSettings settings = request.settings().forSessionsPerBar(query.timeframe().sessions());
        return new Outcome(query, bars, Backtester.run(LakeSeries.of(bars), request.strategy(), settings));
    }
}
