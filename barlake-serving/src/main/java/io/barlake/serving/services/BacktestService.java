package io.barlake.serving.services;

import static java.util.Objects.requireNonNull;

import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.read.NoBarsException;
import io.barlake.lake.read.SymbolBars;
import io.barlake.serving.http.ApiException;
import io.barlake.signals.series.LakeSeries;
import java.time.temporal.ChronoUnit;

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

    public BacktestService(SeriesCache series) {
        this.series = series;
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
