package io.barlake.signals;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.consolidator.batch.ConsolidatorMain;
import io.barlake.fetchers.bronze.FetchSettings;
import io.barlake.fetchers.lambda.FetchBarsHandler;
import io.barlake.fetchers.lambda.FetchReferenceHandler;
import io.barlake.fetchers.lambda.FetcherEnvironment;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSource;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectStore;
import io.barlake.resampler.batch.ResamplerMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * A lake filled as a backfill fills it: the synthetic market through the real fetch handlers, then
 * the consolidator's and the resamplers' Batch work. The state machine that chains them on a real
 * run sits above this module, so the tests here chain the same stages in the same order.
 */
public final class SyntheticLake {
    private SyntheticLake() {}

    /** Backfills {@code [from, to]} for {@code symbols} synthetic symbols. */
    public static void backfill(ObjectStore store, int symbols, LocalDate from, LocalDate to, Clock clock) {
        Map<String, String> environment = Map.of(MarketDataSources.SYMBOLS, String.valueOf(symbols));
        TradingCalendar calendar = TradingCalendar.nyse();
        try (MarketDataSource source = MarketDataSources.open(environment, calendar, clock, SecretsManagerApiKeys.usingDefaultClient())) {
            FetcherEnvironment fetchers = new FetcherEnvironment(store, source, calendar, clock);
            ObjectNode event = LakeJson.mapper().createObjectNode().put("mode", "backfill").put("from", from.toString())
                    .put("to", to.toString());
            invoke(new FetchReferenceHandler(fetchers), event);
            FetchBarsHandler bars = new FetchBarsHandler(fetchers, FetchSettings.defaults());
            for (JsonNode out = invoke(bars, event); !out.path("complete").asBoolean(); out = invoke(bars, event)) {
                event.put("next", out.path("next").asText());
            }
            ConsolidatorMain.consolidate(store, environment, clock);
            ResamplerMain.resample(store, environment, clock);
        } catch (Exception e) {
            throw new IllegalStateException("Could not fill the test lake: " + e, e);
        }
    }

    private static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(LakeJson.mapper().writeValueAsBytes(event)), out, null);
            return LakeJson.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
