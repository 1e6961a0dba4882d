package io.barlake.fetchers.polygon;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.lake.bronze.GroupedDailyParser;
import io.barlake.lake.bronze.MalformedResponseException;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.Symbols;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polygon's REST API, as Barlake uses it: grouped daily bars (unadjusted), ticker and split
 * reference data (all pages), and one ticker's previous close and snapshot.
 *
 * <p>Every request passes a client-side rate limiter ({@code POLYGON_RATE_LIMIT} per minute), a
 * circuit breaker that fails fast after repeated upstream failures, and a retry with exponential
 * backoff and jitter on 429, 5xx and timeouts that honours {@code Retry-After}; all three are
 * resilience4j. The key travels only in the {@code Authorization: Bearer} header, so no URL,
 * log line or exception message can carry it; a {@code next_url} is followed with the key only
 * when it points at the configured API host.
 */
public final class PolygonClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolygonClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 10_000;
    private static final int MAX_VENDOR_MESSAGE = 200;
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

    private final PolygonSettings settings;
    private final TradingCalendar calendar;
    private final Clock clock;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public PolygonClient(PolygonSettings settings, TradingCalendar calendar, Clock clock) {
        this(settings, calendar, clock, UnaryOperator.identity());
    }

    /**
     * The same, with the HTTP client adjusted by {@code connection}: tests give it a resolver and a
     * trust store that take the official hosts' names to a server on loopback, so nothing they do
     * can reach the network.
     */
    PolygonClient(PolygonSettings settings, TradingCalendar calendar, Clock clock, UnaryOperator<OkHttpClient.Builder> connection) {
        this.settings = requireNonNull(settings, "settings is null");
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.base = HttpUrl.get(settings.baseUrl().toString());
        this.http = connection.apply(new OkHttpClient.Builder())
                .callTimeout(settings.callTimeout())
                .connectTimeout(settings.callTimeout())
                .readTimeout(settings.callTimeout())
                // Only reconnects a pooled connection the server closed while we waited for a rate
                // permit (common at 5 requests a minute); real failures are retried by resilience4j.
                .retryOnConnectionFailure(true)
                // Redirects are followed by hand, to the API's own scheme, host and port only (see execute).
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        long periodNanos = Math.max(1_000_000L, Duration.ofMinutes(1).toNanos() / settings.requestsPerMinute());
        this.rateLimiter = RateLimiter.of("polygon", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(settings.longestWait())
                .build());
        this.breaker = CircuitBreaker.of("polygon", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerFailures())
                .minimumNumberOfCalls(settings.breakerFailures())
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.breakerOpen())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof PolygonUpstreamException)
                .build());
        this.retry = Retry.of("polygon", RetryConfig.<byte[]>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof RetryablePolygonException && !asksTooLongAWait(e))
                .intervalBiFunction(backoff())
                .build());
        retry.getEventPublisher().onRetry(event -> {
            retries.incrementAndGet();
            LOG.warn("Polygon request failed (attempt {} of {}), retrying in {} ms: {}", event.getNumberOfRetryAttempts(),
                    settings.maxAttempts(), event.getWaitInterval().toMillis(),
                    event.getLastThrowable() == null ? "" : event.getLastThrowable().getMessage());
        });
    }

    /**
     * The raw grouped-daily response of a session ({@code adjusted=false}), checked for shape.
     *
     * @throws PolygonNotYetAvailableException when the session has not closed yet
     */
    public byte[] groupedDaily(LocalDate session) {
        requireNonNull(session, "session is null");
        String what = "grouped daily bars for " + session;
        LocalDate latest = calendar.latestClosedSession(clock.instant());
        if (session.isAfter(latest)) {
            throw new PolygonNotYetAvailableException("Cannot fetch " + what + ": the session has not closed yet"
                    + " (latest closed NYSE session: " + latest + ")");
        }
        HttpUrl url = groupedDailyUrl(session);
        byte[] body = get(what, url);
        try {
            GroupedDailyParser.results(body);
        } catch (MalformedResponseException e) {
            throw new PolygonMalformedResponseException("Cannot fetch " + what + " (" + describe(url)
                    + "): malformed response: " + redact(e.getMessage()), e);
        }
        return body;
    }

    /** The request {@link #groupedDaily} sends, for bronze metadata (it holds no key). */
    public String groupedDailyRequest(LocalDate session) {
        return describe(groupedDailyUrl(session));
    }

    /** Every active stock ticker's reference record, all pages. */
    public List<JsonNode> tickers() {
        return pages("ticker reference", tickersUrl());
    }

    /** The request {@link #tickers} starts with. */
    public String tickersRequest() {
        return describe(tickersUrl());
    }

    /** Every split Polygon knows, all pages. */
    public List<JsonNode> splits() {
        return pages("splits", splitsUrl());
    }

    /** Every cash dividend with an ex-dividend date in {@code [from, to]}, all pages. */
    public List<JsonNode> dividends(LocalDate from, LocalDate to) {
        return pages("dividends", dividendsUrl(from, to));
    }

    /** The request {@link #dividends} starts with. */
    public String dividendsRequest(LocalDate from, LocalDate to) {
        return describe(dividendsUrl(from, to));
    }

    /**
     * The ticker changes of one security ({@code /vX/reference/tickers/{id}/events}), asked for by
     * ticker or composite FIGI: the response's {@code results} object (name, composite FIGI, events),
     * or empty when the vendor has no events for that id (HTTP 404).
     */
    public Optional<JsonNode> tickerEvents(String id) {
        String what = "ticker events of " + id;
        HttpUrl url = tickerEventsUrl(id);
        byte[] body;
        try {
            body = get(what, url);
        } catch (PolygonNotFoundException e) {
            return Optional.empty();
        }
        JsonNode results = object(what, url, body).get("results");
        if (results == null || !results.isObject()) {
            throw new PolygonMalformedResponseException("Cannot fetch " + what + " (" + describe(url)
                    + "): malformed response: 'results' is not an object");
        }
        return Optional.of(results);
    }

    /** The request {@link #tickerEvents} sends. */
    public String tickerEventsRequest(String id) {
        return describe(tickerEventsUrl(id));
    }

    /** The request {@link #splits} starts with. */
    public String splitsRequest() {
        return describe(splitsUrl());
    }

    /** The previous session's bar of one ticker (split-adjusted, as Polygon serves it). */
    public JsonNode previousClose(String symbol) {
        String ticker = Symbols.requireValid(Symbols.clean(symbol));
        String what = "previous close of " + ticker;
        HttpUrl url = base.newBuilder().addPathSegments("v2/aggs/ticker").addPathSegment(ticker).addPathSegment("prev")
                .addQueryParameter("adjusted", "true").build();
        JsonNode results = object(what, url, get(what, url)).get("results");
        if (results == null || !results.isArray() || results.isEmpty()) {
            throw new PolygonException("Cannot fetch " + what + " (" + describe(url) + "): Polygon has no bar for it");
        }
        return results.get(0);
    }

    /** The current snapshot of one ticker (last trade, day and previous day bars). */
    public JsonNode snapshot(String symbol) {
        String ticker = Symbols.requireValid(Symbols.clean(symbol));
        String what = "snapshot of " + ticker;
        HttpUrl url = base.newBuilder().addPathSegments("v2/snapshot/locale/us/markets/stocks/tickers")
                .addPathSegment(ticker).build();
        JsonNode snapshot = object(what, url, get(what, url)).get("ticker");
        if (snapshot == null || !snapshot.isObject()) {
            throw new PolygonMalformedResponseException("Cannot fetch " + what + " (" + describe(url)
                    + "): malformed response: 'ticker' is missing");
        }
        return snapshot;
    }

    /** HTTP requests sent so far, retries included. */
    public long requestCount() {
        return requests.get();
    }

    /** Retries so far. */
    public long retryCount() {
        return retries.get();
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}, for health checks. */
    public String breakerState() {
        return breaker.getState().name();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private HttpUrl groupedDailyUrl(LocalDate session) {
        return base.newBuilder().addPathSegments("v2/aggs/grouped/locale/us/market/stocks")
                .addPathSegment(session.toString()).addQueryParameter("adjusted", "false").build();
    }

    private HttpUrl tickersUrl() {
        return base.newBuilder().addPathSegments("v3/reference/tickers").addQueryParameter("market", "stocks")
                .addQueryParameter("active", "true").addQueryParameter("limit", "1000").build();
    }

    private HttpUrl dividendsUrl(LocalDate from, LocalDate to) {
        return base.newBuilder().addPathSegments("v3/reference/dividends")
                .addQueryParameter("ex_dividend_date.gte", from.toString()).addQueryParameter("ex_dividend_date.lte", to.toString())
                .addQueryParameter("order", "asc").addQueryParameter("sort", "ex_dividend_date")
                .addQueryParameter("limit", "1000").build();
    }

    private HttpUrl tickerEventsUrl(String id) {
        return base.newBuilder().addPathSegments("vX/reference/tickers").addPathSegment(id).addPathSegment("events")
                .addQueryParameter("types", "ticker_change").build();
    }

    private HttpUrl splitsUrl() {
        return base.newBuilder().addPathSegments("v3/reference/splits").addQueryParameter("limit", "1000").build();
    }

    private List<JsonNode> pages(String what, HttpUrl first) {
        List<JsonNode> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        HttpUrl url = first;
        for (int page = 1; url != null; page++) {
            if (page > MAX_PAGES || !seen.add(url.toString())) {
                throw new PolygonMalformedResponseException("Cannot fetch " + what + ": next_url loops or exceeds "
                        + MAX_PAGES + " pages");
            }
            String pageWhat = what + " (page " + page + ")";
            JsonNode root = object(pageWhat, url, get(pageWhat, url));
            JsonNode pageResults = root.get("results");
            if (pageResults != null && !pageResults.isNull()) {
                if (!pageResults.isArray()) {
                    throw new PolygonMalformedResponseException("Cannot fetch " + pageWhat + " (" + describe(url)
                            + "): malformed response: 'results' is not an array");
                }
                pageResults.forEach(results::add);
            }
            JsonNode next = root.get("next_url");
            url = next == null || next.isNull() || next.asText().isBlank() ? null : nextPage(pageWhat, next.asText());
        }
        return results;
    }

    private HttpUrl nextPage(String what, String nextUrl) {
        HttpUrl next = HttpUrl.parse(nextUrl);
        if (next == null) {
            throw new PolygonMalformedResponseException("Cannot fetch " + what + ": next_url is not a URL");
        }
        if (!trusted(next)) {
            throw new PolygonMalformedResponseException("Cannot fetch " + what + ": next_url points to " + origin(next)
                    + ", not to the API at " + origin(base) + " or an official host (" + officialHosts() + "); the key is not sent there");
        }
        // Polygon leaves the key out of next_url; we authenticate by header, so drop any that appears.
        return next.newBuilder().removeAllQueryParameters("apiKey").build();
    }

    private JsonNode object(String what, HttpUrl url, byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new PolygonMalformedResponseException("Cannot fetch " + what + " (" + describe(url)
                        + "): malformed response: not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new PolygonMalformedResponseException("Cannot fetch " + what + " (" + describe(url)
                    + "): malformed response: not valid JSON", e);
        }
    }

    private byte[] get(String what, HttpUrl url) {
        Supplier<byte[]> call = () -> execute(what, url);
        Supplier<byte[]> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(breaker, RateLimiter.decorateSupplier(rateLimiter, call)));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new PolygonUnavailableException("Cannot fetch " + what + ": Polygon failed " + settings.breakerFailures()
                    + " times in a row, so calls are paused for " + settings.breakerOpen().toSeconds()
                    + " s (circuit breaker open)");
        } catch (RequestNotPermitted e) {
            throw new PolygonRateLimitedException("Cannot fetch " + what + ": no request permit within the rate limit of "
                    + settings.requestsPerMinute() + " per minute", null);
        }
    }

    /**
     * Where the key may go: the configured root's scheme, host and port, or an official host over
     * https on its standard port (the vendor's {@code next_url} now names api.massive.com even when
     * asked at api.polygon.io).
     */
    private boolean trusted(HttpUrl url) {
        boolean configured = url.scheme().equals(base.scheme()) && url.host().equals(base.host()) && url.port() == base.port();
        boolean official = url.isHttps() && url.port() == 443 && PolygonSettings.OFFICIAL_HOSTS.contains(url.host());
        return configured || official;
    }

    private static String officialHosts() {
        return String.join(", ", PolygonSettings.OFFICIAL_HOSTS);
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    /**
     * One GET; a redirect is followed (five at most) only to the API's own scheme, host and port,
     * so neither the key nor bronze ever meets another host's answer under this URL's name.
     */
    private byte[] execute(String what, HttpUrl url) {
        HttpUrl at = url;
        for (int redirects = 0; ; redirects++) {
            Object answer = executeOnce(what, url, at);
            if (answer instanceof byte[] body) {
                return body;
            }
            HttpUrl location = (HttpUrl) answer;
            if (!trusted(location)) {
                throw new PolygonException("Cannot fetch " + what + " (" + describe(url) + "): the vendor redirected to "
                        + origin(location) + ", not the API at " + origin(base) + " or an official host (" + officialHosts()
                        + "); Barlake follows no redirect to another host");
            }
            if (redirects == 5) {
                throw new PolygonException("Cannot fetch " + what + " (" + describe(url) + "): more than 5 redirects");
            }
            at = location;
        }
    }

    /** The body of a 200, or the URL a redirect points to; any other answer is thrown as its exception. */
    private Object executeOnce(String what, HttpUrl url, HttpUrl at) {
        Request request = new Request.Builder()
                .url(at)
                .header("Authorization", "Bearer " + settings.apiKey().reveal())
                .header("Accept", "application/json")
                .get()
                .build();
        requests.incrementAndGet();
        String prefix = "Cannot fetch " + what + " (" + describe(url) + "): ";
        try (Response response = http.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            byte[] body = responseBody == null ? new byte[0] : responseBody.bytes();
            int code = response.code();
            if (code == 200) {
                return body;
            }
            if (response.isRedirect()) {
                String location = response.header("Location");
                HttpUrl target = location == null ? null : at.resolve(location);
                if (target == null) {
                    throw new PolygonException(prefix + "HTTP " + code + " redirect without a usable Location");
                }
                return target;
            }
            String vendor = vendorMessage(body);
            if (code == 401 || code == 403) {
                throw new PolygonUnauthorizedException(prefix + "Polygon refused the request (HTTP " + code + vendor
                        + "); check " + PolygonSettings.MASSIVE_KEY + " (or " + PolygonSettings.KEY + ") and that your plan covers this data");
            }
            if (code == 429) {
                Duration retryAfter = retryAfter(response.header("Retry-After"));
                throw new PolygonRateLimitedException(prefix + "rate limited by Polygon (HTTP 429" + vendor + ")"
                        + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s"), retryAfter);
            }
            if (code == 404) {
                throw new PolygonNotFoundException(prefix + "Polygon has nothing there (HTTP 404" + vendor + ")");
            }
            if (code >= 500) {
                throw new PolygonUpstreamException(prefix + "Polygon failed (HTTP " + code + vendor + ")");
            }
            throw new PolygonException(prefix + "unexpected HTTP " + code + vendor);
        } catch (InterruptedIOException e) {
            throw new PolygonUpstreamException(prefix + "timed out after " + settings.callTimeout().toSeconds()
                    + " s (" + redact(String.valueOf(e.getMessage())) + ")", e);
        } catch (IOException e) {
            throw new PolygonUpstreamException(prefix + "the connection failed (" + e.getClass().getSimpleName() + ": "
                    + redact(String.valueOf(e.getMessage())) + ")", e);
        }
    }

    /** A 429 whose {@code Retry-After} is longer than the settings let a request wait: retrying would break the budget. */
    private boolean asksTooLongAWait(Throwable e) {
        return e instanceof PolygonRateLimitedException limited
                && limited.retryAfter().filter(wait -> wait.compareTo(settings.longestWait()) > 0).isPresent();
    }

    private IntervalBiFunction<byte[]> backoff() {
        return (attempt, outcome) -> {
            long exponential = settings.initialBackoff().toMillis() << Math.min(20, Math.max(0, attempt - 1));
            long capped = Math.min(exponential, settings.maxBackoff().toMillis());
            long jittered = (long) (capped * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
            if (outcome.isLeft() && outcome.getLeft() instanceof PolygonRateLimitedException limited
                    && limited.retryAfter().isPresent()) {
                return Math.min(limited.retryAfter().get().toMillis(),
                        Math.min(LONGEST_RETRY_AFTER.toMillis(), settings.longestWait().toMillis()));
            }
            return Math.max(1, jittered);
        };
    }

    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.between(clock.instant(), at.toInstant()).isNegative()
                        ? Duration.ZERO : Duration.between(clock.instant(), at.toInstant());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private String vendorMessage(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        try {
            JsonNode root = JSON.readTree(body);
            String message = root.path("message").asText(root.path("error").asText(root.path("status").asText("")));
            if (message.isBlank()) {
                return "";
            }
            String clean = redact(message.replaceAll("\\s+", " ").strip());
            return ": " + (clean.length() > MAX_VENDOR_MESSAGE ? clean.substring(0, MAX_VENDOR_MESSAGE) + "…" : clean);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private String describe(HttpUrl url) {
        return "GET " + url;
    }

    /** Vendors sometimes echo the request; make sure the key never rides along. */
    private String redact(String text) {
        String key = settings.apiKey().reveal();
        return text == null ? null : text.replace(key, "[redacted]");
    }
}
