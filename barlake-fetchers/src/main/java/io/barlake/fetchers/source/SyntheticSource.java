package io.barlake.fetchers.source;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.bronze.BronzeMeta;
import java.time.LocalDate;

/** The synthetic market as a source: what Barlake uses when no Polygon key is set. */
public final class SyntheticSource implements MarketDataSource {
    private final SyntheticMarket market;

    public SyntheticSource(SyntheticMarket market) {
        this.market = requireNonNull(market, "market is null");
    }

    @Override
    public String name() {
        return BronzeMeta.SYNTHETIC_SOURCE;
    }

    @Override
    public String description() {
        return "synthetic market (seed " + market.seed() + ", " + market.size() + " symbols)";
    }

    @Override
    public SessionResponse groupedDaily(LocalDate session) {
        return new SessionResponse(session, market.groupedDaily(session),
                "synthetic grouped daily " + session + " (seed " + market.seed() + ", " + market.size() + " symbols)");
    }

    @Override
    public ReferenceSnapshot tickers(LocalDate asOf) {
        return new ReferenceSnapshot(market.tickerReference(asOf), "synthetic tickers as of " + asOf);
    }

    @Override
    public ReferenceSnapshot splits(LocalDate asOf) {
        return new ReferenceSnapshot(market.splitReference(asOf), "synthetic splits as of " + asOf);
    }

    @Override
    public ReferenceSnapshot dividends(LocalDate asOf, LocalDate from, LocalDate to) {
        return new ReferenceSnapshot(market.dividendReference(from, to), "synthetic dividends " + from + " to " + to);
    }
}
