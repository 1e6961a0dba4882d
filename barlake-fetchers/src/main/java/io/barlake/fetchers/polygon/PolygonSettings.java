package io.barlake.fetchers.polygon;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.WholeNumberSetting;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach the vendor, Massive (formerly Polygon.io; the same API under a new host): the key,
 * the API root, the client-side rate limit and the resilience settings. Read once from the
 * environment and validated there, with one clear line per bad setting (the key's value is never
 * echoed).
 *
 * <p>The key is {@value #MASSIVE_KEY}, or {@value #KEY} when that is not set (the name before the
 * rename, which keeps working); likewise {@value #MASSIVE_KEY_SECRET_ARN} before
 * {@value #KEY_SECRET_ARN}. The key is sent to the configured root's host and to the two official
 * hosts ({@link #OFFICIAL_HOSTS}, over https), where the vendor's {@code next_url} may point, and
 * to no other.
 *
 * @param apiKey             the key
 * @param baseUrl            API root, {@code https://api.massive.com} by default
 * @param requestsPerMinute  client-side rate limit ({@code POLYGON_RATE_LIMIT}; the free plan allows 5)
 * @param callTimeout        limit on one HTTP call, connection to last byte
 * @param maxAttempts        tries per request on 429, 5xx and timeouts (first try included)
 * @param initialBackoff     first retry wait, doubled per retry, with jitter
 * @param maxBackoff         longest retry wait (a {@code Retry-After} header may ask for more)
 * @param breakerFailures    consecutive upstream failures that open the circuit breaker
 * @param breakerOpen        how long an open breaker refuses calls before trying again
 * @param longestWait        the longest a request waits for a rate permit (else it fails at once,
 *                           rate-limited), and the longest {@code Retry-After} it waits out with a
 *                           retry (a longer one fails it at once; any is held to 5 minutes)
 */
public record PolygonSettings(ApiKey apiKey, URI baseUrl, int requestsPerMinute, Duration callTimeout,
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, int breakerFailures, Duration breakerOpen,
        Duration longestWait) {

    /** The key's setting since the rename; wins when both are set. */
    public static final String MASSIVE_KEY = "MASSIVE_API_KEY";
    /** The key's setting before the rename, still read. */
    public static final String KEY = "POLYGON_API_KEY";
    public static final String MASSIVE_KEY_SECRET_ARN = "MASSIVE_API_KEY_SECRET_ARN";
    public static final String KEY_SECRET_ARN = "POLYGON_API_KEY_SECRET_ARN";
    public static final String BASE_URL = "POLYGON_BASE_URL";
    public static final String RATE_LIMIT = "POLYGON_RATE_LIMIT";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.massive.com");
    /** The vendor's own hosts, new and old: {@code next_url} and redirects may lead to either. */
    public static final java.util.List<String> OFFICIAL_HOSTS = java.util.List.of("api.massive.com", "api.polygon.io");
    public static final int DEFAULT_RATE_LIMIT = 5;

    public PolygonSettings {
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(callTimeout, "callTimeout is null");
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(breakerOpen, "breakerOpen is null");
        requireNonNull(longestWait, "longestWait is null");
        if (requestsPerMinute < 1 || maxAttempts < 1 || breakerFailures < 1) {
            throw new IllegalArgumentException("requestsPerMinute, maxAttempts and breakerFailures must be >= 1");
        }
    }

    /**
     * Production defaults around a key: 60 s calls, 6 tries from 2 s up to 60 s, breaker after 8
     * failures, up to an hour's wait for a rate permit: a nightly fetch waits its turn.
     */
    public static PolygonSettings defaults(ApiKey apiKey) {
        return new PolygonSettings(apiKey, DEFAULT_BASE_URL, DEFAULT_RATE_LIMIT, Duration.ofSeconds(60), 6,
                Duration.ofSeconds(2), Duration.ofSeconds(60), 8, Duration.ofSeconds(60), Duration.ofHours(1));
    }

    /** The same settings with another rate limit. */
    public PolygonSettings withRequestsPerMinute(int perMinute) {
        return new PolygonSettings(apiKey, baseUrl, perMinute, callTimeout, maxAttempts, initialBackoff, maxBackoff,
                breakerFailures, breakerOpen, longestWait);
    }

    /** The same settings with another API root. */
    public PolygonSettings withBaseUrl(URI url) {
        return new PolygonSettings(apiKey, url, requestsPerMinute, callTimeout, maxAttempts, initialBackoff, maxBackoff,
                breakerFailures, breakerOpen, longestWait);
    }

    /** The same settings with other timing (for tests, which cannot wait minutes). */
    public PolygonSettings withTiming(Duration timeout, int attempts, Duration firstBackoff, Duration longestBackoff,
            Duration openFor) {
        return new PolygonSettings(apiKey, baseUrl, requestsPerMinute, timeout, attempts, firstBackoff, longestBackoff,
                breakerFailures, openFor, longestWait);
    }

    /**
     * The same key, root and rate limit for a request someone is waiting on, bounded by
     * {@code budget} in all: one retry, no wait for a permit or a retry beyond a twentieth of the
     * budget, and each call what is left split in two. Worst case: two waits of at most 1.5 × that
     * twentieth (jitter), a permit wait, and two calls: within the budget. The serving API's quotes
     * use it, so a stalled or rate-limiting vendor costs one budget, then the lake answers.
     */
    public PolygonSettings forBudget(Duration budget) {
        if (budget.toMillis() < 200) {
            throw new IllegalArgumentException("a request budget must be at least 200 ms, was " + budget.toMillis() + " ms");
        }
        Duration wait = budget.dividedBy(20);
        Duration call = budget.minus(wait.multipliedBy(4)).dividedBy(2);
        return new PolygonSettings(apiKey, baseUrl, requestsPerMinute, call, 2, wait, wait, breakerFailures, breakerOpen, wait);
    }

    /**
     * Reads the settings from the environment when a key is configured ({@code POLYGON_API_KEY},
     * or {@code POLYGON_API_KEY_SECRET_ARN} resolved through {@code secrets}); empty when neither is
     * set, which means "use the synthetic market".
     */
    public static Optional<PolygonSettings> fromEnvironment(Map<String, String> environment,
            Function<String, ApiKey> secrets) {
        String keySetting = keySetting(environment).orElse(null);
        String rawKey = keySetting == null ? null : environment.get(keySetting);
        String secretArn = environment.containsKey(MASSIVE_KEY_SECRET_ARN) ? environment.get(MASSIVE_KEY_SECRET_ARN)
                : environment.get(KEY_SECRET_ARN);
        ApiKey key;
        if (rawKey != null) {
            try {
                key = ApiKey.of(rawKey);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(keySetting, null, e.getMessage());
            }
        } else if (secretArn != null && !secretArn.isBlank()) {
            key = secrets.apply(secretArn.strip());
        } else {
            return Optional.empty();
        }
        PolygonSettings settings = defaults(key);
        String baseUrl = environment.get(BASE_URL);
        if (baseUrl != null) {
            settings = settings.withBaseUrl(parseBaseUrl(baseUrl));
        }
        String rate = environment.get(RATE_LIMIT);
        if (rate != null) {
            settings = settings.withRequestsPerMinute(parseRate(rate));
        }
        return Optional.of(settings);
    }

    /** The name of the key's setting in use: {@value #MASSIVE_KEY} when set, else {@value #KEY} when set. */
    public static Optional<String> keySetting(Map<String, String> environment) {
        return environment.containsKey(MASSIVE_KEY) ? Optional.of(MASSIVE_KEY)
                : environment.containsKey(KEY) ? Optional.of(KEY) : Optional.empty();
    }

    /** Whether a key is configured, directly or through a secret. */
    public static boolean keyConfigured(Map<String, String> environment) {
        return keySetting(environment).isPresent() || Optional.ofNullable(environment.get(MASSIVE_KEY_SECRET_ARN))
                .or(() -> Optional.ofNullable(environment.get(KEY_SECRET_ARN))).filter(arn -> !arn.isBlank()).isPresent();
    }

    static URI parseBaseUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(BASE_URL, value, "not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                || uri.getRawQuery() != null) {
            throw new InvalidSettingException(BASE_URL, value, "expected http(s)://host[:port][/path] without a query");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** {@value #RATE_LIMIT} as the client reads it; the CLI reads it too, to say how long a backfill will take. */
    public static int parseRate(String value) {
        return (int) WholeNumberSetting.parse(RATE_LIMIT, value, DEFAULT_RATE_LIMIT, 1, 100_000,
                "a whole number of requests per minute from 1 to 100000");
    }
}
