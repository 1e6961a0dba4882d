package io.barlake.serving.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.serving.http.ApiJson;
import java.net.URI;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Quotes kept in Redis under {@code barlake:quote:<SYMBOL>} as JSON, expiring after
 * {@value QuoteService#TTL_SECONDS} s on Redis's clock. Redis is a cache, never a dependency: when
 * it cannot be reached (200 ms timeouts) or holds something unreadable, the quote is loaded as if
 * nothing were cached, and the failure is logged without the URL, which may carry a password.
 * In-process callers that miss together may each load; a minute's first quote can cost a few
 * Polygon requests, not one an instance.
 */
final class RedisQuoteCache implements QuoteCache {
    static final String KEY_PREFIX = "barlake:quote:";
    private static final int TIMEOUT_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RedisQuoteCache.class);
    private static final ObjectMapper JSON = ApiJson.mapper();

    private final JedisPooled redis;

    RedisQuoteCache(URI url) {
        this.redis = new JedisPooled(url, TIMEOUT_MILLIS);
    }

    @Override
    public Quote get(String symbol, Function<String, Quote> load) {
        String key = KEY_PREFIX + symbol;
        try {
            String cached = redis.get(key);
            if (cached != null) {
                return JSON.readValue(cached, Quote.class);
            }
        } catch (JedisException | JsonProcessingException e) {
            LOG.warn("Quote cache: reading {} failed ({}); asking the source", key, e.getClass().getSimpleName());
        }
        Quote quote = load.apply(symbol);
        try {
            redis.setex(key, QuoteService.TTL_SECONDS, JSON.writeValueAsString(quote));
        } catch (JedisException | JsonProcessingException e) {
            LOG.warn("Quote cache: writing {} failed ({})", key, e.getClass().getSimpleName());
        }
        return quote;
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public void close() {
        redis.close();
    }
}
