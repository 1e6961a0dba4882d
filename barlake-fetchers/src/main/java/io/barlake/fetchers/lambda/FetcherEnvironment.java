package io.barlake.fetchers.lambda;

import static java.util.Objects.requireNonNull;

import io.barlake.fetchers.bronze.ReferenceFetcher;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSource;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStores;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What a fetcher needs, built once per Lambda container (cold start) from its environment: the
 * lake ({@code BARLAKE_LAKE}) and the market-data source (Polygon with the key from Secrets
 * Manager, or as configured).
 *
 * @param store    the lake
 * @param source   the market-data source
 * @param calendar the NYSE calendar
 * @param clock    the clock
 * @param followedTickers tickers whose rename history is fetched every run
 *                        ({@value ReferenceFetcher#FOLLOWED_TICKERS})
 */
public record FetcherEnvironment(ObjectStore store, MarketDataSource source, TradingCalendar calendar, Clock clock,
        List<String> followedTickers) {
    public FetcherEnvironment {
        requireNonNull(store, "store is null");
        requireNonNull(source, "source is null");
        requireNonNull(calendar, "calendar is null");
        requireNonNull(clock, "clock is null");
        followedTickers = List.copyOf(followedTickers);
    }

    /** Following no ticker's history beyond the renames the ticker snapshots show. */
    public FetcherEnvironment(ObjectStore store, MarketDataSource source, TradingCalendar calendar, Clock clock) {
        this(store, source, calendar, clock, List.of());
    }

    /** From the process environment. */
    public static FetcherEnvironment fromProcess() {
        return from(System.getenv(), Clock.systemUTC());
    }

    /** From an environment map. */
    public static FetcherEnvironment from(Map<String, String> environment, Clock clock) {
        TradingCalendar calendar = TradingCalendar.nyse();
        String lake = environment.getOrDefault(LakeLocation.SETTING, LakeLocation.DEFAULT);
        ObjectStore store = ObjectStores.open(LakeLocation.parse(lake, LakeLocation.SETTING), environment);
        MarketDataSource source = MarketDataSources.open(environment, calendar, clock,
                SecretsManagerApiKeys.usingDefaultClient());
        return new FetcherEnvironment(store, source, calendar, clock, ReferenceFetcher.followedTickers(environment));
    }
}
