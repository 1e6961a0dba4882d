package io.barlake.fetchers.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.fetchers.bronze.FetchSettings;
import io.barlake.fetchers.source.SyntheticMarket;
import io.barlake.fetchers.source.SyntheticSource;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LocalObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lambda handlers with the event JSON the state machine sends. */
class FetchHandlersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-10T23:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;
    private FetcherEnvironment environment;

    @BeforeEach
    void setUp() {
        environment = new FetcherEnvironment(new LocalObjectStore(folder), new SyntheticSource(
                new SyntheticMarket(42, 40, TradingCalendar.nyse())), TradingCalendar.nyse(), CLOCK);
    }

    private JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, InputStream event)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(event, out, null);
        return LakeJson.mapper().readTree(out.toByteArray());
    }

    private InputStream fixture(String name) {
        return getClass().getResourceAsStream(name);
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theNightlyEventFetchesAndAnswersWithCompleteAndCounts() throws Exception {
        JsonNode result = invoke(new FetchBarsHandler(environment, FetchSettings.defaults()), fixture("nightly-event.json"));
        assertThat(result.get("complete").asBoolean()).isTrue();
        assertThat(result.get("written")).hasSize(4);
        assertThat(result.get("watermark").asText()).isEqualTo("2024-01-10");
        assertThat(result.has("next")).as("no cursor when complete").isFalse();
    }

    @Test
    void theBackfillEventLoopsThroughChunksUntilComplete() throws Exception {
        FetchBarsHandler handler = new FetchBarsHandler(environment, new FetchSettings(Duration.ofNanos(1), 3, 60));
        JsonNode result = invoke(handler, fixture("backfill-event.json"));
        int invocations = 1;
        while (!result.get("complete").asBoolean()) {
            assertThat(result.get("next").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            result = invoke(handler, json("{\"mode\":\"backfill\",\"from\":\"2023-12-27\",\"to\":\"2024-01-10\",\"next\":\""
                    + result.get("next").asText() + "\"}"));
            invocations++;
        }
        assertThat(invocations).as("one session per chunk, 10 sessions").isEqualTo(10);
        assertThat(environment.store().list(LakeLayout.BRONZE_BARS)).hasSize(20);
    }

    @Test
    void theReferenceHandlerWritesBothSnapshots() throws Exception {
        JsonNode result = invoke(new FetchReferenceHandler(environment), json("{}"));
        assertThat(result.get("as_of").asText()).isEqualTo("2024-01-10");
        assertThat(result.get("tickers").asInt()).isPositive();
        assertThat(environment.store().head(LakeLayout.bronzeTickers(java.time.LocalDate.of(2024, 1, 10)))).isPresent();
        assertThat(environment.store().head(LakeLayout.bronzeSplits(java.time.LocalDate.of(2024, 1, 10)))).isPresent();
    }

    @Test
    void aBadEventIsThrownWithTheFieldNamedNotReturned() {
        FetchBarsHandler handler = new FetchBarsHandler(environment, FetchSettings.defaults());
        assertThatThrownBy(() -> invoke(handler, json("{\"mode\":\"weekly\"}")))
                .hasMessage("Invalid fetch event: 'mode' must be nightly or backfill, was 'weekly'");
        assertThatThrownBy(() -> invoke(handler, json("{\"mode\":\"backfill\",\"from\":\"2024-13-01\",\"to\":\"2024-12-31\"}")))
                .hasMessage("Invalid fetch event: 'from' is not a date (YYYY-MM-DD): '2024-13-01'");
        assertThatThrownBy(() -> invoke(handler, json("{\"mode\":\"backfill\",\"from\":\"2024-02-01\",\"to\":\"2024-01-01\"}")))
                .hasMessage("A backfill's 'from' (2024-02-01) is after its 'to' (2024-01-01)");
        assertThatThrownBy(() -> invoke(handler, json("{\"mode\":\"nightly\",\"date\":\"2024-01-11\"}")))
                .hasMessageStartingWith("Cannot fetch 2024-01-11: the session has not closed yet");
    }
}
