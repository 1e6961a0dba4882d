package io.barlake.lake.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One symbol's raw (unadjusted) daily bar for one NYSE session, as stored in
 * {@code silver/daily}. Keyed by (symbol, date); a later fetch of the same key replaces it.
 *
 * <p>The compact constructor enforces the validation rules of DESIGN.md that belong to the value
 * itself (finite positive prices, {@code low <= min(open, close)}, {@code high >= max(open,
 * close)}, non-negative volume, valid ticker); whether the date is a session is checked by the
 * caller, which owns the calendar. Violations throw {@link InvalidRecordException} whose message
 * is the refusal reason.
 *
 * @param symbol       ticker, as the vendor writes it
 * @param date         the session
 * @param volume       shares traded; Polygon volumes can be fractional
 * @param vwap         volume-weighted average price, or {@code null} when the vendor has none
 * @param transactions number of trades, or {@code null} when the vendor has none
 * @param source       where the bar came from ({@code polygon}, {@code synthetic}, {@code flatfiles})
 * @param ingestedAt   when the bar entered bronze
 */
public record DailyBar(
        String symbol,
        LocalDate date,
        double open,
        double high,
        double low,
        double close,
        double volume,
        Double vwap,
        Long transactions,
        String source,
        Instant ingestedAt) {

    public DailyBar {
        Symbols.requireValid(symbol);
        requireNonNull(date, "date is null");
        requireNonNull(source, "source is null");
        requireNonNull(ingestedAt, "ingestedAt is null");
        Prices.requireOhlcv(open, high, low, close, volume, vwap);
        if (transactions != null && transactions < 0) {
            throw new InvalidRecordException("transactions must be >= 0, was " + transactions);
        }
    }
}
