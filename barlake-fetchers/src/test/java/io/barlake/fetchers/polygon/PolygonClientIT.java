package io.barlake.fetchers.polygon;

import static io.barlake.fetchers.polygon.PolygonReplay.KEY;
import static io.barlake.fetchers.polygon.PolygonReplay.ok;
import static io.barlake.fetchers.polygon.PolygonReplay.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.calendar.TradingCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Polygon client against a local HTTP server replaying Polygon's responses and failures. */
class PolygonClientIT {
    private static final LocalDate SESSION = LocalDate.of(2024, 1, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-05T23:00:00Z"), ZoneOffset.UTC);

    private MockWebServer server;
    private PolygonClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new PolygonClient(PolygonReplay.settings(server.url("/").toString()), TradingCalendar.nyse(), CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private RecordedRequest taken() throws InterruptedException {
        return PolygonReplay.taken(server);
    }

    @Test
    void groupedDailyAsksForUnadjustedBarsWithTheKeyInTheHeaderOnly() throws Exception {
        server.enqueue(ok(PolygonReplay.groupedDaily(SESSION)));
        byte[] body = client.groupedDaily(SESSION);

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(PolygonReplay.groupedDaily(SESSION));
        RecordedRequest request = taken();
        assertThat(request.getPath()).isEqualTo("/v2/aggs/grouped/locale/us/market/stocks/2024-01-02?adjusted=false");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getRequestUrl().toString()).doesNotContain(KEY);
        assertThat(client.groupedDailyRequest(SESSION)).doesNotContain(KEY).endsWith("stocks/2024-01-02?adjusted=false");
    }

    @Test
    void tickerPagesAreFollowedWithTheKeyAddedBack() throws Exception {
        String next = server.url("/v3/reference/tickers?cursor=YWN0aXZlPXRydWU&market=stocks").toString();
        server.enqueue(ok("{\"results\":[{\"ticker\":\"A\",\"name\":\"Agilent\"},{\"ticker\":\"AA\",\"name\":\"Alcoa\"}],"
                + "\"status\":\"OK\",\"count\":2,\"next_url\":\"" + next + "\"}"));
        server.enqueue(ok("{\"results\":[{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\"}],\"status\":\"OK\",\"count\":1}"));

        List<JsonNode> tickers = client.tickers();

        assertThat(tickers).extracting(node -> node.get("ticker").asText()).containsExactly("A", "AA", "AAPL");
        RecordedRequest first = taken();
        assertThat(first.getPath()).isEqualTo("/v3/reference/tickers?market=stocks&active=true&limit=1000");
        RecordedRequest second = taken();
        assertThat(second.getPath()).isEqualTo("/v3/reference/tickers?cursor=YWN0aXZlPXRydWU&market=stocks");
        assertThat(second.getHeader("Authorization")).as("the key is added back for next_url").isEqualTo("Bearer " + KEY);
    }

    @Test
    void aNextUrlToAnotherHostIsNotFollowedAndTheKeyNotSent() {
        server.enqueue(ok("{\"results\":[],\"status\":\"OK\",\"next_url\":\"https://evil.example.com/v3/reference/splits?cursor=x\"}"));
        assertThatThrownBy(() -> client.splits())
                .isInstanceOf(PolygonMalformedResponseException.class)
                .hasMessageContaining("next_url points to https://evil.example.com:443, not to the API at http://")
                .hasMessageContaining("or an official host (api.massive.com, api.polygon.io)")
                .hasMessageNotContaining(KEY);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectToAnotherHostOrPortIsRefusedAndThatHostHearsNothing() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            String target = elsewhere.url("/v2/aggs/grouped/locale/us/market/stocks/2024-01-02").toString();
            server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", target));
            assertThatThrownBy(() -> client.groupedDaily(SESSION))
                    .isInstanceOf(PolygonException.class)
                    .hasMessageContaining("the vendor redirected to http://" + elsewhere.getHostName() + ":" + elsewhere.getPort()
                            + ", not the API at http://")
                    .hasMessageContaining("Barlake follows no redirect to another host")
                    .hasMessageNotContaining(KEY);
            assertThat(elsewhere.getRequestCount()).as("the other host got nothing").isZero();
            assertThat(server.getRequestCount()).as("not retried: it would only repeat").isEqualTo(1);
        }
    }

    @Test
    void aRedirectOnTheApiHostIsFollowedWithTheKey() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/v2/moved?adjusted=false"));
        server.enqueue(ok("{\"status\":\"OK\",\"resultsCount\":0,\"results\":[]}"));
        client.groupedDaily(SESSION);
        taken();
        RecordedRequest moved = taken();
        assertThat(moved.getPath()).isEqualTo("/v2/moved?adjusted=false");
        assertThat(moved.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void a429WithRetryAfterIsWaitedForThenRetried() throws Exception {
        server.enqueue(status(429, "{\"status\":\"ERROR\",\"request_id\":\"x\",\"error\":\"You've exceeded the maximum requests per minute\"}")
                .setHeader("Retry-After", "1"));
        server.enqueue(ok(PolygonReplay.groupedDaily(SESSION)));
        long start = System.nanoTime();

        assertThat(client.groupedDaily(SESSION)).isNotEmpty();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("honoured Retry-After: 1").isGreaterThanOrEqualTo(900);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(client.retryCount()).isEqualTo(1);
    }

    @Test
    void a429WithAnEmptyBodyAndNoRetryAfterBacksOffThenRetries() {
        server.enqueue(new MockResponse().setResponseCode(429));
        server.enqueue(new MockResponse().setResponseCode(429));
        server.enqueue(ok(PolygonReplay.groupedDaily(SESSION)));
        assertThat(client.groupedDaily(SESSION)).isNotEmpty();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a500IsRetried() {
        server.enqueue(status(500, "{\"status\":\"ERROR\",\"error\":\"internal\"}"));
        server.enqueue(ok(PolygonReplay.groupedDaily(SESSION)));
        assertThat(client.groupedDaily(SESSION)).isNotEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTimeoutIsRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(ok(PolygonReplay.groupedDaily(SESSION)));
        assertThat(client.groupedDaily(SESSION)).isNotEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a401FailsAtOnceWithoutRetryAndSaysToCheckTheKey() {
        server.enqueue(status(401, "{\"status\":\"ERROR\",\"request_id\":\"a\",\"error\":\"Unknown API Key\"}"));
        assertThatThrownBy(() -> client.groupedDaily(SESSION))
                .isInstanceOf(PolygonUnauthorizedException.class)
                .hasMessage("Cannot fetch grouped daily bars for 2024-01-02 (GET " + server.url("/")
                        + "v2/aggs/grouped/locale/us/market/stocks/2024-01-02?adjusted=false): Polygon refused the request"
                        + " (HTTP 401: Unknown API Key); check MASSIVE_API_KEY (or POLYGON_API_KEY) and that your plan covers this data");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a403NotAuthorizedIsUnauthorizedToo() {
        server.enqueue(status(403, "{\"status\":\"NOT_AUTHORIZED\",\"request_id\":\"b\",\"message\":\"Your plan doesn't include this data timeframe.\"}"));
        assertThatThrownBy(() -> client.groupedDaily(SESSION))
                .isInstanceOf(PolygonUnauthorizedException.class)
                .hasMessageContaining("HTTP 403: Your plan doesn't include this data timeframe.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTruncatedBodyIsAMalformedResponseNotRetried() {
        String full = PolygonReplay.groupedDaily(SESSION);
        server.enqueue(ok(full.substring(0, full.length() / 2)));
        assertThatThrownBy(() -> client.groupedDaily(SESSION))
                .isInstanceOf(PolygonMalformedResponseException.class)
                .hasMessageContaining("grouped daily bars for 2024-01-02")
                .hasMessageContaining("malformed response: not valid JSON");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void missingResultsIsAMalformedResponse() {
        server.enqueue(ok("{\"queryCount\":5,\"resultsCount\":5,\"adjusted\":false,\"status\":\"OK\"}"));
        assertThatThrownBy(() -> client.groupedDaily(SESSION))
                .isInstanceOf(PolygonMalformedResponseException.class)
                .hasMessageEndingWith("malformed response: 'results' is missing (resultsCount 5)");
    }

    @Test
    void anEmptyMarketDayIsAValidEmptyResponse() {
        server.enqueue(ok("{\"queryCount\":0,\"resultsCount\":0,\"adjusted\":false,\"status\":\"OK\",\"request_id\":\"c\"}"));
        assertThat(new String(client.groupedDaily(SESSION), StandardCharsets.UTF_8)).contains("\"resultsCount\":0");
    }

    @Test
    void aSessionThatHasNotClosedIsNotYetAvailableAndNotRequested() {
        assertThatThrownBy(() -> client.groupedDaily(LocalDate.of(2024, 1, 8)))
                .isInstanceOf(PolygonNotYetAvailableException.class)
                .hasMessage("Cannot fetch grouped daily bars for 2024-01-08: the session has not closed yet"
                        + " (latest closed NYSE session: 2024-01-05)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void persistentFailuresExhaustTheRetriesThenOpenTheBreaker() {
        for (int i = 0; i < 8; i++) {
            server.enqueue(status(503, "{\"status\":\"ERROR\",\"error\":\"Service Unavailable\"}"));
        }
        assertThatThrownBy(() -> client.groupedDaily(SESSION))
                .isInstanceOf(PolygonUpstreamException.class)
                .hasMessageContaining("Polygon failed (HTTP 503: Service Unavailable)");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThatThrownBy(() -> client.groupedDaily(SESSION)).isInstanceOf(PolygonUpstreamException.class);
        assertThat(client.breakerState()).isEqualTo("OPEN");
        assertThatThrownBy(() -> client.groupedDaily(SESSION))
                .isInstanceOf(PolygonUnavailableException.class)
                .hasMessageContaining("calls are paused for 30 s (circuit breaker open)");
        assertThat(server.getRequestCount()).as("an open breaker sends nothing").isEqualTo(8);
    }

    @Test
    void previousCloseAndSnapshotReadOneTickerAskedForAsTheVendorWritesIt() throws Exception {
        server.enqueue(ok("{\"ticker\":\"AAPL\",\"queryCount\":1,\"resultsCount\":1,\"adjusted\":true,\"results\":[{\"T\":\"AAPL\","
                + "\"v\":5.2164112e+07,\"vw\":185.9201,\"o\":187.15,\"c\":185.64,\"h\":188.44,\"l\":183.885,\"t\":1704229200000,\"n\":653419}],"
                + "\"status\":\"OK\",\"request_id\":\"d\",\"count\":1}"));
        server.enqueue(ok("{\"status\":\"OK\",\"request_id\":\"e\",\"ticker\":{\"ticker\":\"AAPL\",\"todaysChange\":0.98,"
                + "\"day\":{\"o\":185.2,\"h\":186.1,\"l\":184.3,\"c\":185.9,\"v\":4.1e7},\"lastTrade\":{\"p\":185.91},\"updated\":1704488400000000000}}"));

        assertThat(client.previousClose("KIMpL").get("c").asDouble()).isEqualTo(185.64);
        assertThat(taken().getPath()).isEqualTo("/v2/aggs/ticker/KIMpL/prev?adjusted=true");
        assertThat(client.snapshot("AAPL").path("lastTrade").path("p").asDouble()).isEqualTo(185.91);
        assertThat(taken().getPath()).isEqualTo("/v2/snapshot/locale/us/markets/stocks/tickers/AAPL");
        assertThatThrownBy(() -> client.previousClose("../x")).hasMessageStartingWith("symbol '../x' is not a valid ticker");
    }
}
