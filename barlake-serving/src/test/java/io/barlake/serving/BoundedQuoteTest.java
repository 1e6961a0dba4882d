package io.barlake.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.fetchers.polygon.PolygonClient;
import io.barlake.fetchers.polygon.PolygonReplay;
import io.barlake.fetchers.polygon.PolygonSettings;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.serving.access.RequestLimits;
import io.barlake.serving.services.QuoteCache;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quote is a person waiting: whatever the vendor does — stall, refuse connections, rate-limit —
 * the quote spends at most its budget there ({@link ServingSettings#forQuotes}: one retry, no long
 * waits), then the lake's latest bar answers, with its age. The fetchers' own settings (six tries,
 * backoff up to a minute, an hour's wait for a rate permit) would outlast the API function's 30 s.
 */
class BoundedQuoteTest {
    private static final Duration BUDGET = Duration.ofMillis(1_500);
    /** What a loaded machine may add to the budget: thread start-up, the lake read, the HTTP hop. */
    private static final Duration SLACK = Duration.ofMillis(1_500);

    @TempDir
    static Path folder;
    static LocalObjectStore store;

    private final MockWebServer vendor = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void lake() {
        store = new LocalObjectStore(folder.resolve("lake"));
        ServingLake.write(store);
    }

    @AfterEach
    void stop() throws IOException {
        vendor.shutdown();
    }

    private String serve(Function<RecordedRequest, MockResponse> answer) throws IOException {
        vendor.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                return answer.apply(request);
            }
        });
        vendor.start();
        return vendor.url("/").toString();
    }

    private FrontDoor door(String vendorUrl, int perMinute) {
        ServingSettings settings = ServingSettings.from(Map.of(ServingSettings.QUOTE_BUDGET, Long.toString(BUDGET.toMillis())));
        PolygonSettings quotes = settings.forQuotes(PolygonReplay.settings(vendorUrl).withRequestsPerMinute(perMinute));
        PolygonClient client = new PolygonClient(quotes, TradingCalendar.nyse(), ServingLake.CLOCK);
        return FrontDoor.lambda(new Router(RouterSettings.of(store, ServingLake.CLOCK).withAccess(RouterSettings.WithoutKeys.OPEN)
                .withLimits(new RequestLimits(1000, 1000, 100_000, ServingLake.CLOCK)).withVendor(Optional.of(client))
                .withQuotes(QuoteCache.local(ServingLake.CLOCK))));
    }

    /** The answer and how long it took, checked to come from the lake with the latest bar's age. */
    private static long lakeAnswerMillis(FrontDoor door, String symbol) {
        long start = System.nanoTime();
        FrontDoor.Answer answer = door.get("/v1/quote?symbol=" + symbol, Map.of());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode quote = answer.json();
        assertThat(quote.path("source").asText()).isEqualTo("lake");
        assertThat(quote.path("session").asText()).isEqualTo("2025-06-02");
        assertThat(quote.path("age_seconds").asLong()).isEqualTo(16 * 3600); // the 16:00 New York close, seen 2025-06-03T12:00Z
        return millis;
    }

    @Test
    void aVendorThatStallsCostsOneBudgetThenTheLakeAnswers() throws IOException {
        String url = serve(request -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (FrontDoor door = door(url, 6_000)) {
            long millis = lakeAnswerMillis(door, "AAPL");
            assertThat(millis).as("ms spent").isLessThan(BUDGET.plus(SLACK).toMillis());
            assertThat(requests.get()).as("the call and its one retry").isEqualTo(2);
        }
    }

    @Test
    void aVendorThatRefusesConnectionsIsTriedTwiceAndTheLakeAnswersAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort(); // nothing listens there once it is closed
        }
        try (FrontDoor door = door("http://127.0.0.1:" + closedPort + "/", 6_000)) {
            assertThat(lakeAnswerMillis(door, "AAPL")).as("ms spent").isLessThan(BUDGET.plus(SLACK).toMillis());
        }
    }

    @Test
    void aRetryAfterLongerThanTheBudgetIsNotWaitedForAndAShortOneIsRetriedOnce() throws IOException {
        String url = serve(request -> PolygonReplay.status(429, "{\"status\":\"ERROR\",\"error\":\"too many requests\"}")
                .setHeader("Retry-After", request.getPath().contains("/AAPL/") ? "60" : "0"));
        try (FrontDoor door = door(url, 6_000)) {
            assertThat(lakeAnswerMillis(door, "AAPL")).as("ms spent").isLessThan(BUDGET.plus(SLACK).toMillis());
            assertThat(requests.get()).as("Retry-After: 60 is beyond the budget: no retry").isEqualTo(1);
            lakeAnswerMillis(door, "MSFT");
            assertThat(requests.get()).as("Retry-After: 0: one retry").isEqualTo(3);
        }
    }

    @Test
    void withoutARatePermitSoonTheLakeAnswersWithoutAskingTheVendor() throws IOException {
        String url = serve(request -> PolygonReplay.status(404, "{\"status\":\"NOT_FOUND\"}"));
        // Five a minute, the free plan: the first quote takes the permit; the next would wait 12 s for one.
        try (FrontDoor door = door(url, 5)) {
            lakeAnswerMillis(door, "MSFT");
            assertThat(requests.get()).isEqualTo(1);
            assertThat(lakeAnswerMillis(door, "AAPL")).as("ms spent").isLessThan(BUDGET.plus(SLACK).toMillis());
            assertThat(requests.get()).as("no permit within the budget: the vendor is not asked").isEqualTo(1);
        }
    }

    @Test
    void theBudgetIsASettingWithItsBoundsAndSplitsIntoTwoCallsAndShortWaits() {
        PolygonSettings bounded = ServingSettings.from(Map.of()).forQuotes(PolygonReplay.settings("http://127.0.0.1:1/"));
        assertThat(bounded.maxAttempts()).isEqualTo(2);
        assertThat(bounded.longestWait()).isEqualTo(Duration.ofMillis(250));
        // Two calls, two jittered retry waits (1.5 x at most) and a permit wait stay within the default 5 s.
        assertThat(bounded.callTimeout().multipliedBy(2).plus(bounded.maxBackoff().multipliedBy(3)).plus(bounded.longestWait()))
                .isLessThanOrEqualTo(Duration.ofSeconds(5));
        for (String bad : new String[] {"100", "30000", "soon"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServingSettings.from(Map.of(ServingSettings.QUOTE_BUDGET, bad)))
                    .as(bad).hasMessageContaining(ServingSettings.QUOTE_BUDGET).hasMessageContaining("from 200 to 20000");
        }
    }
}
