package io.barlake.fetchers.bronze;

import io.barlake.lake.testing.LakeSnapshot;

import static io.barlake.fetchers.polygon.PolygonReplay.KEY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.barlake.fetchers.polygon.PolygonClient;
import io.barlake.fetchers.polygon.PolygonDispatcher;
import io.barlake.fetchers.polygon.PolygonMalformedResponseException;
import io.barlake.fetchers.polygon.PolygonReplay;
import io.barlake.fetchers.polygon.PolygonUnauthorizedException;
import io.barlake.fetchers.polygon.ApiKey;
import io.barlake.fetchers.source.PolygonSource;
import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.GroupedDailyParser;
import io.barlake.lake.bronze.ParsedSession;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Fetching from a local server that replays Polygon, into a lake supplied by subclasses. Every
 * failure case ends in its documented outcome, and the key is found nowhere afterwards.
 */
abstract class PolygonFetchContractTest {
    static final TradingCalendar CALENDAR = TradingCalendar.nyse();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-10T23:00:00Z"), ZoneOffset.UTC);
    static final LocalDate LATEST = LocalDate.of(2024, 1, 10);

    protected ObjectStore store;
    private MockWebServer server;
    private PolygonDispatcher polygon;
    private PolygonSource source;
    private ListAppender<ILoggingEvent> logs;
    private final List<Throwable> failures = new ArrayList<>();

    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
        polygon = new PolygonDispatcher();
        server = new MockWebServer();
        server.setDispatcher(polygon);
        server.start();
        polygon.baseUrl(server.url("/").toString());
        source = new PolygonSource(new PolygonClient(PolygonReplay.settings(server.url("/").toString()), CALENDAR, CLOCK));
        logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        ((Logger) LoggerFactory.getLogger("io.barlake")).setLevel(Level.DEBUG);
    }

    @AfterEach
    void close() throws Exception {
        try {
            assertTheKeyAppearsNowhere();
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
            source.close();
            server.shutdown();
            store.close();
        }
    }

    private FetchResult fetch(FetchRequest request) {
        return new BarsFetcher(store, source, CALENDAR, CLOCK, FetchSettings.defaults()).fetch(request, ProgressListener.NONE);
    }

    private Throwable failingFetch(FetchRequest request) {
        Throwable thrown = catchThrowable(() -> fetch(request));
        assertThat(thrown).as("the fetch fails").isNotNull();
        failures.add(thrown);
        return thrown;
    }

    @Test
    void aNightlyFetchStoresWhatPolygonSentAndARecordWithAStringIsRefusedLater() {
        LocalDate bad = LocalDate.of(2024, 1, 9);
        polygon.body(bad, PolygonReplay.groupedDaily(bad).replace("\"o\":373.86", "\"o\":\"373.86\""));

        FetchResult result = fetch(FetchRequest.nightly(null));

        assertThat(result.written()).hasSize(4);
        byte[] stored = BronzeFiles.gunzip(store.get(LakeLayout.bronzeBars(bad)).orElseThrow(), "test");
        assertThat(new String(stored, UTF_8)).contains("\"o\":\"373.86\"");
        ParsedSession parsed = new GroupedDailyParser(CALENDAR).parse(stored, bad, "polygon", CLOCK.instant());
        assertThat(parsed.accepted()).extracting("symbol").containsExactly("AAPL", "BRK.B");
        assertThat(parsed.refused()).singleElement().satisfies(rejection -> {
            assertThat(rejection.symbol()).isEqualTo("MSFT");
            assertThat(rejection.reason()).isEqualTo("field 'o' is not a number: \"373.86\"");
        });
        assertThat(new String(store.get(LakeLayout.bronzeBarsMeta(bad)).orElseThrow(), UTF_8))
                .contains("\"source\" : \"polygon\"", "stocks/2024-01-09?adjusted=false");
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedAndTheFetchSucceeds() {
        polygon.script(LocalDate.of(2024, 1, 8), new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
        polygon.script(LocalDate.of(2024, 1, 9), PolygonReplay.status(500, "{\"status\":\"ERROR\"}"),
                new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        FetchResult result = fetch(FetchRequest.nightly(null));

        assertThat(result.written()).hasSize(4);
        assertThat(polygon.groupedRequests(LocalDate.of(2024, 1, 8))).isEqualTo(2);
        assertThat(polygon.groupedRequests(LocalDate.of(2024, 1, 9))).isEqualTo(3);
        assertThat(source.client().retryCount()).isEqualTo(3);
    }

    @Test
    void aRefusedKeyFailsAtOnceAndWritesNothing() {
        polygon.script(LocalDate.of(2024, 1, 5), PolygonReplay.status(401, "{\"status\":\"ERROR\",\"error\":\"Unknown API Key\"}"));

        Throwable thrown = failingFetch(FetchRequest.nightly(null));

        assertThat(thrown).isInstanceOf(PolygonUnauthorizedException.class).hasMessageContaining("check MASSIVE_API_KEY (or POLYGON_API_KEY)");
        assertThat(polygon.paths()).hasSize(1);
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void aTruncatedBodyStopsTheFetchKeepingTheSessionsBeforeIt() {
        LocalDate truncated = LocalDate.of(2024, 1, 9);
        String full = PolygonReplay.groupedDaily(truncated);
        polygon.script(truncated, PolygonReplay.ok(full.substring(0, 200)));

        Throwable thrown = failingFetch(FetchRequest.nightly(null));

        assertThat(thrown).isInstanceOf(PolygonMalformedResponseException.class)
                .hasMessageStartingWith("Cannot fetch grouped daily bars for 2024-01-09");
        assertThat(store.list(LakeLayout.BRONZE_BARS)).extracting(ObjectInfo::key)
                .allSatisfy(key -> assertThat(key).matches("bronze/bars/date=2024-01-0[58]/.*")).hasSize(4);

        FetchResult retried = fetch(FetchRequest.nightly(null));
        assertThat(retried.written()).containsExactly(truncated, LATEST);
    }

    @Test
    void missingResultsAreAMalformedResponse() {
        polygon.script(LocalDate.of(2024, 1, 5), PolygonReplay.ok("{\"resultsCount\":12,\"status\":\"OK\"}"));
        assertThat(failingFetch(FetchRequest.nightly(null))).isInstanceOf(PolygonMalformedResponseException.class)
                .hasMessageContaining("'results' is missing");
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void anEmptyMarketDayIsNotWritten() {
        polygon.body(LocalDate.of(2024, 1, 9), "{\"queryCount\":0,\"resultsCount\":0,\"adjusted\":false,\"status\":\"OK\",\"request_id\":\"r\"}");
        FetchResult result = fetch(FetchRequest.nightly(null));
        assertThat(result.empty()).containsExactly(LocalDate.of(2024, 1, 9));
        assertThat(result.written()).hasSize(3);
    }

    @Test
    void referenceSnapshotsFollowEveryPageAndAreNotRewrittenWhenUnchanged() {
        ReferenceFetcher fetcher = new ReferenceFetcher(store, source, CALENDAR, CLOCK);
        ReferenceResult first = fetcher.fetch(null);
        assertThat(first).isEqualTo(new ReferenceResult(LATEST, 3, true, 1, true, 2, true, 0, false));
        String tickers = new String(BronzeFiles.gunzip(store.get(LakeLayout.bronzeTickers(LATEST)).orElseThrow(), "t"), UTF_8);
        assertThat(tickers).contains("\"AAPL\"", "\"BRK.B\"", "\"MSFT\"", "\"count\" : 3");
        String dividends = new String(BronzeFiles.gunzip(store.get(LakeLayout.bronzeDividends(LATEST)).orElseThrow(), "d"), UTF_8);
        assertThat(dividends).contains("\"ex_dividend_date\" : \"2024-02-09\"", "\"ex_dividend_date\" : \"2024-02-14\"", "\"count\" : 2")
                .contains("ex_dividend_date.gte=" + LATEST.minusDays(45) + "&ex_dividend_date.lte=" + LATEST.plusDays(120));
        Map<String, String> before = LakeSnapshot.of(store, "");

        assertThat(fetcher.fetch(null)).isEqualTo(new ReferenceResult(LATEST, 3, false, 1, false, 2, false, 0, false));
        assertThat(LakeSnapshot.of(store, "")).isEqualTo(before);
    }

    @Test
    void tickerHistoriesAreFetchedForFollowedTickersAndForSecuritiesRenamedSinceThePreviousSnapshot() throws Exception {
        // The previous snapshot had Apple's FIGI under another ticker: a rename since, so its history is asked for.
        List<com.fasterxml.jackson.databind.JsonNode> previous = List.of(io.barlake.lake.state.LakeJson.mapper()
                .readTree("{\"ticker\":\"APPL\",\"composite_figi\":\"BBG000B9XRY4\"}"));
        LocalDate before = CALENDAR.previousSession(LATEST);
        store.put(LakeLayout.bronzeTickers(before), BronzeFiles.gzip(io.barlake.lake.state.LakeJson.mapper().writeValueAsBytes(
                new io.barlake.lake.bronze.ReferenceFile(before, "polygon", "GET /v3/reference/tickers", CLOCK.instant(), "0".repeat(64),
                        1, previous))));
        ReferenceFetcher fetcher = new ReferenceFetcher(store, source, CALENDAR, CLOCK,
                ReferenceFetcher.followedTickers(Map.of(ReferenceFetcher.FOLLOWED_TICKERS, " META, ZZZZ ,META")));

        ReferenceResult result = fetcher.fetch(null);

        assertThat(result.tickerEvents()).isEqualTo(1);
        assertThat(result.tickerEventsWritten()).isTrue();
        assertThat(polygon.paths()).contains("/vX/reference/tickers/META/events?types=ticker_change",
                "/vX/reference/tickers/ZZZZ/events?types=ticker_change", "/vX/reference/tickers/BBG000B9XRY4/events?types=ticker_change");
        String events = new String(BronzeFiles.gunzip(store.get(LakeLayout.bronzeTickerEvents(LATEST)).orElseThrow(), "e"), UTF_8);
        assertThat(events).contains("\"composite_figi\" : \"BBG000MM2P62\"", "\"date\" : \"2022-06-11\"", "\"count\" : 1");
        assertThat(catchThrowable(() -> ReferenceFetcher.followedTickers(Map.of(ReferenceFetcher.FOLLOWED_TICKERS, "META,A B"))))
                .hasMessageContaining(ReferenceFetcher.FOLLOWED_TICKERS).hasMessageContaining("'A B' is not a ticker");
    }

    @Test
    void theKeyAppearsNowhereAfterAFailedRunEither() {
        polygon.script(LocalDate.of(2024, 1, 8), PolygonReplay.status(403,
                "{\"status\":\"NOT_AUTHORIZED\",\"message\":\"Not authorized for key " + KEY + "\"}"));
        Throwable thrown = failingFetch(FetchRequest.nightly(null));
        assertThat(thrown.getMessage()).contains("[redacted]");
        assertThat(ApiKey.of(KEY).toString()).isEqualTo("ApiKey[redacted]");
    }

    private void assertTheKeyAppearsNowhere() {
        StringBuilder everything = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            everything.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                everything.append(event.getThrowableProxy().getMessage()).append('\n');
            }
        }
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            everything.append(trace).append('\n');
        }
        for (ObjectInfo object : store.list("")) {
            byte[] bytes = store.get(object.key()).orElseThrow();
            everything.append(object.key()).append('\n');
            everything.append(new String(object.key().endsWith(".gz") ? BronzeFiles.gunzip(bytes, object.key()) : bytes, UTF_8));
        }
        assertThat(everything.toString()).as("logs, exceptions and the lake").doesNotContain(KEY);
    }
}
