package io.barlake.serving.services;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.Continuity;
import io.barlake.serving.http.ApiException;
import java.time.LocalDate;

/**
 * One symbol's bars as a request names them, with the rules every reading of the lake through the
 * API shares: the range in order, adjusted readings other than split-adjusted and readings across
 * renames for daily bars only (N-session bars are stored split-adjusted, per ticker).
 *
 * @param from the first date, or null for the start of the history
 * @param to   the last date, or null for the latest session
 */
public record SeriesQuery(String symbol, Timeframe timeframe, LocalDate from, LocalDate to, Adjustment adjustment,
        Continuity continuity) {
    /** @throws ApiException 400 naming the rule a request broke */
    public SeriesQuery {
        requireNonNull(symbol, "symbol is null");
        requireNonNull(timeframe, "timeframe is null");
        requireNonNull(adjustment, "adjustment is null");
        requireNonNull(continuity, "continuity is null");
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("'to' " + to + " is before 'from' " + from);
        }
        if (adjustment != Adjustment.SPLIT && timeframe != Timeframe.D1) {
            throw ApiException.badRequest(timeframe.label() + " bars are stored split-adjusted only; " + adjustment.label()
                    + " is for 1d");
        }
        if (continuity == Continuity.CONTINUOUS && timeframe != Timeframe.D1) {
            throw ApiException.badRequest(timeframe.label() + " bars are built per ticker; continuity=continuous is for 1d");
        }
    }
}
