package io.barlake.fetchers.source;

import java.time.LocalDate;
import java.util.List;

/**
 * Where bars and reference data come from: Polygon's API, the synthetic market, or Polygon flat
 * files. Every source answers in Polygon's own JSON, so everything downstream runs the same code.
 */
public interface MarketDataSource extends AutoCloseable {

    /** {@code polygon}, {@code synthetic} or {@code flatfiles}; recorded as each bar's source. */
    String name();

    /** A one-line description for run output, e.g. the synthetic seed and size. */
    String description();

    /** The grouped-daily response of one session, exactly as the source delivers it. */
    SessionResponse groupedDaily(LocalDate session);

    /** Every active ticker as of the date. */
    ReferenceSnapshot tickers(LocalDate asOf);

    /** Every split known as of the date. */
    ReferenceSnapshot splits(LocalDate asOf);

    /** The cash dividends whose ex-dividend date lies in {@code [from, to]}, as known on {@code asOf}. */
    ReferenceSnapshot dividends(LocalDate asOf, LocalDate from, LocalDate to);

    /**
     * The ticker histories of the securities named by {@code ids} (tickers or composite FIGIs),
     * one record per security the vendor knows ({@code name}, {@code composite_figi},
     * {@code events} of type {@code ticker_change}); a source without ticker events has none.
     */
    default ReferenceSnapshot tickerEvents(List<String> ids) {
        return new ReferenceSnapshot(List.of(), name() + " has no ticker events");
    }

    @Override
    default void close() {}
}
