package io.barlake.serving;

import io.barlake.fetchers.polygon.PolygonSettings;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.WholeNumberSetting;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.access.RequestLimits;
import io.barlake.serving.services.QuoteCache;
import io.barlake.signals.alerts.WebhookPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The serving settings from the environment: the accepted keys ({@value ApiKeys#SETTING}); each
 * key's limits: {@value #RATE} requests a second (default 20) with bursts of {@value #BURST}
 * (default 40), and {@value #QUOTA} requests a UTC day (default 50,000); and {@value #REDIS}, a
 * Redis ({@code redis://[:password@]host:port[/db]}, or {@code rediss://} for TLS) that keeps
 * quotes for every instance instead of each process keeping its own; which alert webhooks
 * may be stored ({@value WebhookPolicy#TRUSTED_HOSTS_SETTING}, {@link WebhookPolicy}); and
 * {@value #QUOTE_BUDGET}, the milliseconds a quote may spend at the vendor in all (default 5,000,
 * well under the API function's 30 s) before the lake's latest bar answers instead.
 */
public record ServingSettings(ApiKeys keys, long perSecond, long burst, long dailyQuota, Optional<URI> redis,
        WebhookPolicy webhooks, java.time.Duration quoteBudget) {
    public static final String RATE = "BARLAKE_RATE_LIMIT";
    public static final String BURST = "BARLAKE_RATE_BURST";
    public static final String QUOTA = "BARLAKE_DAILY_QUOTA";
    public static final String REDIS = "BARLAKE_REDIS_URL";
    public static final String QUOTE_BUDGET = "BARLAKE_QUOTE_BUDGET_MS";

    public static ServingSettings from(Map<String, String> environment) {
        return new ServingSettings(ApiKeys.parse(environment.get(ApiKeys.SETTING)), positive(environment, RATE, 20),
                positive(environment, BURST, 40), positive(environment, QUOTA, 50_000), redis(environment.get(REDIS)),
                WebhookPolicy.fromEnvironment(environment, WebhookPolicy.SYSTEM),
                java.time.Duration.ofMillis(WholeNumberSetting.parse(QUOTE_BUDGET, environment.get(QUOTE_BUDGET), 5_000, 200, 20_000,
                        "a whole number of milliseconds from 200 to 20000")));
    }

    /**
     * The vendor's settings for quotes: the fetchers' key, root and rate limit held to the quote
     * budget (one retry, no long waits; {@link PolygonSettings#forBudget}): a nightly fetch may wait
     * minutes for the vendor, a person asking for a price may not.
     */
    public PolygonSettings forQuotes(PolygonSettings vendor) {
        return vendor.forBudget(quoteBudget);
    }

    /** A router's settings from these: keys, limits and the webhook policy, with quotes kept in {@code quotes}. */
    public RouterSettings router(ObjectStore store, Clock clock, QuoteCache quotes) {
        return RouterSettings.of(store, clock).withKeys(keys).withLimits(limits(clock)).withQuotes(quotes).withWebhooks(webhooks);
    }

    /** Where quotes are kept: Redis when {@value #REDIS} is set, else this process. */
    public QuoteCache quoteCache(Clock clock) {
        return redis.map(QuoteCache::redis).orElseGet(() -> QuoteCache.local(clock));
    }

    /** The URL is never repeated in an error: it may carry the Redis password. */
    private static Optional<URI> redis(String value) {
        if (value == null) {
            return Optional.empty();
        }
        URI url;
        try {
            url = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(REDIS, null, "not a URL; expected redis://host:port or rediss://host:port");
        }
        if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme()) || url.getHost() == null) {
            throw new InvalidSettingException(REDIS, null, "expected redis://host:port or rediss://host:port");
        }
        return Optional.of(url);
    }

    public RequestLimits limits(Clock clock) {
        return new RequestLimits(perSecond, burst, dailyQuota, clock);
    }

    private static long positive(Map<String, String> environment, String name, long defaultValue) {
        return WholeNumberSetting.parse(name, environment.get(name), defaultValue, 1, Long.MAX_VALUE, "a whole number of 1 or more");
    }
}
