package io.barlake.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fppt.jedismock.RedisServer;
import io.barlake.fetchers.polygon.PolygonClient;
import io.barlake.fetchers.polygon.PolygonReplay;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.serving.access.RequestLimits;
import io.barlake.serving.services.QuoteCache;
import io.barlake.serving.services.QuoteService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code /v1/quote} through both front doors: Polygon's previous close, its 60 s cache (in the
 * process, or in Redis shared by instances), and the lake when Polygon fails.
 */
class QuoteTest {
    private static final String PREVIOUS_CLOSE = """
            {"ticker":"AAPL","queryCount":1,"resultsCount":1,"adjusted":true,"results":[{"T":"AAPL","v":4.6137291e+07,
             "vw":201.1245,"o":200.28,"c":201.7,"h":202.13,"l":200.12,"t":1748894400000,"n":612040}],
             "status":"OK","request_id":"3c1a26c2b1d5b0e8c3f0b4a2","count":1}""";

    @TempDir
    static Path folder;
    static LocalObjectStore store;

    private final MockWebServer polygon = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean polygonDown;

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(ServingLake.CLOCK.instant());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }
    }

    @BeforeAll
    static void lake() {
        store = new LocalObjectStore(folder.resolve("lake"));
        ServingLake.write(store);
    }

    @BeforeEach
    void startPolygon() throws IOException {
        polygon.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                if (polygonDown) {
                    return PolygonReplay.status(500, "{\"status\":\"ERROR\",\"error\":\"internal\"}");
                }
                if (request.getPath().startsWith("/v2/aggs/ticker/AAPL/prev")) {
                    return PolygonReplay.ok(PREVIOUS_CLOSE);
                }
                return PolygonReplay.status(404, "{\"status\":\"NOT_FOUND\"}");
            }
        });
        polygon.start();
    }

    @AfterEach
    void stopPolygon() throws IOException {
        polygon.shutdown();
    }

    private Router router(Clock clock, boolean withPolygon) {
        return router(clock, withPolygon, QuoteCache.local(clock));
    }

    private Router router(Clock clock, boolean withPolygon, QuoteCache quotes) {
        Optional<PolygonClient> client = withPolygon
                ? Optional.of(new PolygonClient(PolygonReplay.settings(polygon.url("/").toString()), TradingCalendar.nyse(), clock))
                : Optional.empty();
        return new Router(RouterSettings.of(store, clock).withAccess(RouterSettings.WithoutKeys.OPEN)
                .withLimits(new RequestLimits(1000, 1000, 100_000, clock)).withVendor(client).withQuotes(quotes));
    }

    @Test
    void polygonsPreviousCloseIsKeptSixtySecondsThenAskedAgain() {
        for (boolean lambda : List.of(false, true)) {
            requests.set(0);
            TestClock clock = new TestClock();
            Router router = router(clock, true);
            try (FrontDoor door = lambda ? FrontDoor.lambda(router) : FrontDoor.localServer(router)) {
                JsonNode quote = door.get("/v1/quote?symbol=aapl", Map.of()).json();
                assertThat(quote.path("source").asText()).as(door.toString()).isEqualTo("polygon");
                assertThat(quote.path("price").asDouble()).isEqualTo(201.7);
                assertThat(quote.path("session").asText()).isEqualTo("2025-06-02");
                assertThat(quote.path("age_seconds").asLong()).isEqualTo(Duration.between(Instant.ofEpochMilli(1748894400000L),
                        clock.instant()).toSeconds());
                clock.advance(Duration.ofSeconds(59));
                door.get("/v1/quote?symbol=AAPL", Map.of());
                assertThat(requests.get()).as("answered from the cache").isEqualTo(1);
                clock.advance(Duration.ofSeconds(2));
                door.get("/v1/quote?symbol=AAPL", Map.of());
                assertThat(requests.get()).as("asked again after 60 s").isEqualTo(2);
                assertThat(door.get("/health", Map.of()).json().path("quotes").path("breaker").asText()).isEqualTo("CLOSED");
            }
        }
    }

    @Test
    void whenPolygonFailsTheLakesLatestBarAnswersAndSaysSo() {
        polygonDown = true;
        for (FrontDoor door : List.of(FrontDoor.localServer(router(new TestClock(), true)), FrontDoor.lambda(router(new TestClock(), true)))) {
            try (door) {
                JsonNode quote = door.get("/v1/quote?symbol=AAPL", Map.of()).json();
                assertThat(quote.path("source").asText()).as(door.toString()).isEqualTo("lake");
                assertThat(quote.path("price").asDouble()).isEqualTo(ServingLake.rawAaplClose(ServingLake.SESSIONS.size() - 1));
                assertThat(quote.path("session").asText()).isEqualTo("2025-06-02");
                // The 2025-06-02 close (16:00 in New York, 20:00 UTC) seen at 2025-06-03T12:00Z.
                assertThat(quote.path("age_seconds").asLong()).isEqualTo(16 * 3600);
            }
        }
        assertThat(requests.get()).as("Polygon was tried").isPositive();
    }

    @Test
    void withoutPolygonTheLakeAnswersAndAnUnknownSymbolIsA404() {
        try (FrontDoor door = FrontDoor.lambda(router(new TestClock(), false))) {
            assertThat(door.get("/v1/quote?symbol=MSFT", Map.of()).json().path("source").asText()).isEqualTo("lake");
            FrontDoor.Answer unknown = door.get("/v1/quote?symbol=ZZZZ", Map.of());
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("error").path("message").asText()).isEqualTo("No price for ZZZZ in the last 30 days");
            assertThat(door.get("/v1/quote?symbol=..%2Fx", Map.of()).status()).isEqualTo(400);
            assertThat(door.get("/health", Map.of()).json().path("quotes").path("source").asText()).isEqualTo("lake");
        }
        assertThat(requests.get()).isZero();
    }

    @Test
    void withRedisEveryInstanceSharesTheQuoteSoPolygonIsAskedOnceAMinute() throws IOException {
        TestClock clock = new TestClock();
        RedisServer redis = RedisServer.newRedisServer().setClock(clock).start();
        URI url = URI.create("redis://" + redis.getHost() + ":" + redis.getBindPort());
        // Two Lambda instances: each its own router, process cache and connection pool, one Redis.
        try (QuoteCache firstCache = ServingSettings.from(Map.of(ServingSettings.REDIS, url.toString())).quoteCache(clock);
             QuoteCache secondCache = QuoteCache.redis(url);
             FrontDoor first = FrontDoor.lambda(router(clock, true, firstCache));
             FrontDoor second = FrontDoor.lambda(router(clock, true, secondCache));
             Jedis inspect = new Jedis(url)) {
            JsonNode fetched = first.get("/v1/quote?symbol=AAPL", Map.of()).json();
            assertThat(fetched.path("source").asText()).isEqualTo("polygon");
            assertThat(requests.get()).isEqualTo(1);
            long ttl = inspect.ttl("barlake:quote:AAPL");
            assertThat(ttl).as("seconds the quote has left").isBetween(1L, QuoteService.TTL_SECONDS);

            clock.advance(Duration.ofSeconds(30));
            JsonNode shared = second.get("/v1/quote?symbol=AAPL", Map.of()).json();
            assertThat(requests.get()).as("the other instance found it in Redis").isEqualTo(1);
            assertThat(shared.path("price").asDouble()).isEqualTo(fetched.path("price").asDouble());
            assertThat(shared.path("as_of").asText()).isEqualTo(fetched.path("as_of").asText());
            assertThat(shared.path("age_seconds").asLong()).isEqualTo(fetched.path("age_seconds").asLong() + 30);
            assertThat(second.get("/health", Map.of()).json().path("quotes").path("cache").asText()).isEqualTo("redis");

            clock.advance(Duration.ofSeconds(31));
            second.get("/v1/quote?symbol=AAPL", Map.of());
            assertThat(requests.get()).as("expired in Redis after 60 s, asked again").isEqualTo(2);
        } finally {
            redis.stop();
        }
    }

    @Test
    void aRedisThatCannotBeReachedNeverFailsAQuote() throws IOException {
        RedisServer gone = RedisServer.newRedisServer().start();
        URI url = URI.create("redis://" + gone.getHost() + ":" + gone.getBindPort());
        gone.stop();
        TestClock clock = new TestClock();
        try (QuoteCache quotes = QuoteCache.redis(url); FrontDoor door = FrontDoor.lambda(router(clock, true, quotes))) {
            for (int attempt = 1; attempt <= 2; attempt++) {
                FrontDoor.Answer answer = door.get("/v1/quote?symbol=AAPL", Map.of());
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.json().path("price").asDouble()).isEqualTo(201.7);
                assertThat(requests.get()).as("nothing cached, so Polygon answers each time").isEqualTo(attempt);
            }
        }
    }

    @Test
    void aBadRedisUrlIsOneErrorThatNeverRepeatsThePassword() {
        for (String bad : List.of("http://:s3cret-pass@cache.internal:6379", "redis://:s3cret-pass@", "not a url :s3cret-pass")) {
            assertThatThrownBy(() -> ServingSettings.from(Map.of(ServingSettings.REDIS, bad)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageStartingWith("Invalid BARLAKE_REDIS_URL: ")
                    .message().doesNotContain("s3cret");
        }
        assertThat(ServingSettings.from(Map.of(ServingSettings.REDIS, "rediss://:pw@cache.internal:6380/0")).redis())
                .hasValue(URI.create("rediss://:pw@cache.internal:6380/0"));
        assertThat(ServingSettings.from(Map.of()).redis()).isEmpty();
    }
}
