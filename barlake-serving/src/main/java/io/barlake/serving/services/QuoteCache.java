package io.barlake.serving.services;

import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

/**
 * Where quotes are kept for {@value QuoteService#TTL_SECONDS} s: in this process
 * ({@link #local}), or in Redis ({@link #redis}), shared by every instance of the API so that
 * Polygon, at 5 requests a minute on its free plan, is asked once a minute per symbol however many
 * Lambda instances answer.
 */
public interface QuoteCache extends AutoCloseable {

    /** The cached quote of {@code symbol}, or {@code load}'s, which is then kept. */
    Quote get(String symbol, Function<String, Quote> load);

    /** What {@code /health} reports: {@code local} or {@code redis}. */
    String kind();

    @Override
    default void close() {}

    /** Kept in this process, timed by {@code clock}. */
    static QuoteCache local(Clock clock) {
        return new LocalQuoteCache(clock);
    }

    /** Kept in the Redis of {@code url} ({@code redis://} or {@code rediss://}, password in the URL's user info). */
    static QuoteCache redis(URI url) {
        return new RedisQuoteCache(url);
    }
}
