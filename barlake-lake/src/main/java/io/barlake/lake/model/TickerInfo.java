package io.barlake.lake.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Reference data of one ticker, from the vendor's ticker snapshot ({@code silver/tickers}).
 *
 * @param symbol          ticker
 * @param name            company or fund name
 * @param primaryExchange MIC of the primary listing, e.g. {@code XNAS}, or {@code null}
 * @param type            security type, e.g. {@code CS} (common stock), {@code ETF}, or {@code null}
 * @param active          whether the ticker trades as of the snapshot
 * @param currency        trading currency, lower case as Polygon gives it ({@code usd})
 * @param cik             SEC central index key, or {@code null}
 * @param compositeFigi   OpenFIGI composite identifier, or {@code null}
 * @param delisted        delisting date, or {@code null} while listed
 */
public record TickerInfo(
        String symbol,
        String name,
        String primaryExchange,
        String type,
        boolean active,
        String currency,
        String cik,
        String compositeFigi,
        LocalDate delisted) {

    public TickerInfo {
        Symbols.requireValid(symbol);
        requireNonNull(name, "name is null");
    }
}
