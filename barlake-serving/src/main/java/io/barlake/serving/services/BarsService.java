package io.barlake.serving.services;

import io.barlake.analytics.strategy.IndicatorSpec;
import io.barlake.analytics.strategy.Operand;
import io.barlake.lake.read.NoBarsException;
import io.barlake.lake.read.SymbolBars;
import io.barlake.serving.http.ApiException;
import io.barlake.signals.series.LakeSeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Pages of one symbol's bars from the lake ({@link SeriesCache}), with indicator columns over the
 * bars as loaded: indicators never look ahead, so a page's values are those of its own bars and
 * their warm-up starts at the page's first bar.
 */
public final class BarsService {
    /** At most this many indicators on one page. */
    public static final int MAX_INDICATORS = 10;

    /** The bars from the page's first date on, and each indicator output as a column over them. */
    public record Page(SymbolBars bars, Map<String, double[]> overlays) {}

    private final SeriesCache series;

    public BarsService(SeriesCache series) {
        this.series = series;
    }

    /**
     * The bars {@code query} names from {@code start} (a later page's first date, or the query's own
     * {@code from}) on.
     *
     * @throws ApiException 404 when there are none, 400 when more than {@value #MAX_INDICATORS} indicators are asked
     */
    public Page page(SeriesQuery query, LocalDate start, List<Operand.Indicator> indicators) {
        if (indicators.size() > MAX_INDICATORS) {
            throw ApiException.badRequest("'indicators' lists more than " + MAX_INDICATORS + " indicators");
        }
        SymbolBars bars;
        try {
            bars = series.bars(query.symbol(), query.timeframe(), start, query.to(), query.adjustment(), query.continuity());
        } catch (NoBarsException e) {
            throw ApiException.notFound("No " + query.timeframe().label() + " bars for " + query.symbol()
                    + (start == null && query.to() == null ? "" : " between " + (start == null ? "the start" : start) + " and "
                    + (query.to() == null ? "the latest session" : query.to())));
        }
        return new Page(bars, indicators.isEmpty() ? Map.of() : IndicatorSpec.columns(LakeSeries.of(bars), indicators));
    }
}
