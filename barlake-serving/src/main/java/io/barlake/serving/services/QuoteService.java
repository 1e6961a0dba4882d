package io.barlake.serving.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.barlake.fetchers.polygon.PolygonClient;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.read.NoBarsException;
import io.barlake.lake.read.SymbolBars;
import io.barlake.lake.read.SymbolLookup;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest price of a symbol. With a Polygon key it is Polygon's previous close (through the
 * fetchers' client: rate limit, retries, circuit breaker); when Polygon fails or has no key, the
 * lake's latest daily bar. Answers are kept {@value #TTL_SECONDS} s per symbol in a {@link
 * QuoteCache}: this process's, or Redis shared by every instance. A quote says which source
 * answered and when its price was set.
 */
public final class QuoteService {
    public static final long TTL_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(QuoteService.class);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final ObjectStore store;
    private final Clock clock;
    private final Optional<PolygonClient> polygon;
    private final QuoteCache cache;
    private final Cache<String, String> spellings = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofSeconds(TTL_SECONDS)).build();

    public QuoteService(ObjectStore store, Clock clock, Optional<PolygonClient> polygon, QuoteCache cache) {
        this.store = store;
        this.clock = clock;
        this.polygon = polygon;
        this.cache = cache;
    }

    /**
     * The quote of {@code asked}, in the lake's spelling of the symbol.
     *
     * @throws ApiException 404 when no source has a price for it
     */
    public Quote quote(String asked) {
        // The vendor's tickers are case-sensitive (KIMpL): quotes are asked for and kept under the lake's spelling.
        boolean[] fetched = {false};
        Quote quote = cache.get(spellings.get(asked, spelling -> SymbolLookup.resolve(store, spelling)), symbol -> {
            fetched[0] = true;
            return fetch(symbol);
        });
        // On AWS (the metrics namespace set): how often the cache answers, the vendor's quota being the scarce thing.
        io.barlake.lake.batch.JobMetrics.emit(System.getenv(), clock.instant(), Map.of("QuoteCacheHits", fetched[0] ? 0L : 1L));
        return quote;
    }

    /** {@code polygon} or {@code lake}, and the breaker's state when Polygon is configured. */
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("source", polygon.isPresent() ? "polygon" : "lake");
        health.put("cache", cache.kind());
        polygon.ifPresent(client -> health.put("breaker", client.breakerState()));
        return health;
    }

    private Quote fetch(String symbol) {
        if (polygon.isPresent()) {
            try {
                JsonNode bar = polygon.get().previousClose(symbol);
                Instant at = Instant.ofEpochMilli(bar.path("t").asLong());
                double close = bar.path("c").asDouble(Double.NaN);
                if (Double.isFinite(close) && close > 0) {
                    return new Quote(symbol, close, LocalDate.ofInstant(at, NEW_YORK), at, "polygon");
                }
                LOG.warn("Quote of {}: Polygon's previous close has no usable price; answering from the lake", symbol);
            } catch (RuntimeException e) {
                // Whatever Polygon did (down, rate-limited, breaker open): the lake still knows a price.
                LOG.warn("Quote of {}: Polygon failed ({}); answering from the lake", symbol, e.getClass().getSimpleName());
            }
        }
        return fromLake(symbol);
    }

    private Quote fromLake(String symbol) {
        LocalDate from = LocalDate.now(clock.withZone(NEW_YORK)).minusDays(30);
        SymbolBars bars;
        try {
            bars = BarHistory.load(store, symbol, Timeframe.D1, from, null, clock);
        } catch (NoBarsException e) {
            throw ApiException.notFound("No price for " + symbol + " in the last 30 days");
        }
        int last = bars.size() - 1;
        LocalDate session = bars.dates()[last];
        return new Quote(symbol, bars.close()[last], session, session.atTime(16, 0).atZone(NEW_YORK).toInstant(), "lake");
    }
}
