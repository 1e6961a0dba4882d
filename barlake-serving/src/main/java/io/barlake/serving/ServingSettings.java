package io.barlake.serving;

import io.barlake.fetchers.polygon.PolygonSettings;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.WholeNumberSetting;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.access.Limits;
import io.barlake.serving.access.RequestLimits;
import io.barlake.serving.dynamodb.DynamoDbTables;
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
 * well under the API function's 30 s) before the lake's latest bar answers instead. Deployed,
 * {@value DynamoDbTables#LIMITS_TABLE} keeps the limits in DynamoDB for every instance, and
 * {@value DynamoDbTables#KEYS_TABLE} adds the keys issued with {@code barlake keys}.
 */
public record ServingSettings(ApiKeys keys, long perSecond, long burst, long dailyQuota, Optional<URI> redis,
        WebhookPolicy webhooks, java.time.Duration quoteBudget, Optional<String> limitsTable, Optional<String> keysTable,
        Map<String, String> environment) {
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
                        "a whole number of milliseconds from 200 to 20000")),
                table(environment, DynamoDbTables.LIMITS_TABLE), table(environment, DynamoDbTables.KEYS_TABLE), Map.copyOf(environment));
    }

    private static Optional<String> table(Map<String, String> environment, String setting) {
        return Optional.ofNullable(environment.get(setting)).map(String::strip).filter(name -> !name.isEmpty());
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
        ApiKeys accepted = keysTable.map(table -> keys.withTable(DynamoDbTables.keys(environment, table, clock)))
                .orElse(keys);
        return RouterSettings.of(store, clock).withKeys(accepted).withLimits(limits(clock)).withQuotes(quotes).withWebhooks(webhooks);
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

    /** Counted in DynamoDB for every instance when {@value DynamoDbTables#LIMITS_TABLE} is set, else in this process. */
    public Limits limits(Clock clock) {
        return limitsTable.map(table -> DynamoDbTables.limits(environment, table, perSecond, burst, dailyQuota, clock))
                .orElseGet(() -> new RequestLimits(perSecond, burst, dailyQuota, clock));
    }

    private static long positive(Map<String, String> environment, String name, long defaultValue) {
        return WholeNumberSetting.parse(name, environment.get(name), defaultValue, 1, Long.MAX_VALUE, "a whole number of 1 or more");
    }
}
