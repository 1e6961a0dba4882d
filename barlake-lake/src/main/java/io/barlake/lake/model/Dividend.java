package io.barlake.lake.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A cash distribution: holders before the ex-dividend date receive {@code cashAmount} per share
 * (per share of that date's basis: a later split does not change the amount recorded here). For a
 * total-return series the prices before the ex-date are multiplied by
 * {@code 1 - cashAmount / previousClose} (the CRSP and Yahoo convention), the close being that of
 * the session before the ex-date on the same basis.
 *
 * @param symbol       ticker
 * @param exDate       the first session that trades without the dividend
 * @param cashAmount   per share, &gt; 0
 * @param dividendType the vendor's type: {@code CD} regular, {@code SC} special, {@code LT}/{@code ST} capital gains
 */
public record Dividend(String symbol, LocalDate exDate, double cashAmount, String dividendType) {

    public Dividend {
        Symbols.requireValid(symbol);
        requireNonNull(exDate, "exDate is null");
        Prices.requirePositive("cashAmount", cashAmount);
        requireNonNull(dividendType, "dividendType is null");
    }
}
