package io.barlake.serving.services;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/** Quotes kept in this process by Caffeine, which expires them on {@code clock}'s time. */
final class LocalQuoteCache implements QuoteCache {
    private final Cache<String, Quote> cache;

    LocalQuoteCache(Clock clock) {
        this.cache = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(Duration.ofSeconds(QuoteService.TTL_SECONDS))
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    @Override
    public Quote get(String symbol, Function<String, Quote> load) {
        return cache.get(symbol, load);
    }

    @Override
    public String kind() {
        return "local";
    }
}
