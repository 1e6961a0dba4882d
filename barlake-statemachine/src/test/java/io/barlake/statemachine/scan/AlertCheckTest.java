package io.barlake.statemachine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.analytics.series.BarSeries;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.alerts.AlertRule;
import io.barlake.lake.alerts.AlertRuleStore;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.statemachine.asl.ExecutionListener;
import io.barlake.statemachine.local.LocalPipeline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly alert check on a lake the pipeline filled: which rules fire, the webhook, and the cooldown. */
class AlertCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 20);

    @TempDir
    Path folder;

    @Test
    void rulesFireOnTheirSessionNotifyTheirWebhookAndWaitOutTheirCooldown() throws Exception {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        Map<String, String> environment = Map.of("BARLAKE_LAKE", folder.resolve("lake").toString(), MarketDataSources.SYMBOLS, "20");
        LocalPipeline pipeline = new LocalPipeline(environment, store, MarketDataSources.open(environment, TradingCalendar.nyse(), CLOCK,
                SecretsManagerApiKeys.usingDefaultClient()), CLOCK, 0.001, (topic, subject, message) -> {});
        assertThat(pipeline.run("fill", "backfill", LakeJson.mapper().readTree(
                "{\"mode\":\"backfill\",\"from\":\"2026-09-01\",\"to\":\"2026-11-20\"}"), ExecutionListener.NONE).result().succeeded()).isTrue();

        // A symbol with a bar on the session, and a level between its last two closes: the close crosses it today.
        String symbol = ParquetCodec.DAILY.read(store, LakeLayout.silverDaily(2026)).stream()
                .filter(bar -> bar.date().equals(SESSION)).map(DailyBar::symbol).findFirst().orElseThrow();
        BarSeries bars = LakeSeries.load(store, symbol, Timeframe.D1, null, SESSION, CLOCK);
        double previous = bars.close()[bars.size() - 2];
        double last = bars.close()[bars.size() - 1];
        double level = (previous + last) / 2;
        String crossing = last > previous ? AlertRule.PRICE_ABOVE : AlertRule.PRICE_BELOW;
        String notCrossing = last > previous ? AlertRule.PRICE_BELOW : AlertRule.PRICE_ABOVE;

        try (MockWebServer hooks = new MockWebServer()) {
            hooks.enqueue(new MockResponse().setResponseCode(204));
            hooks.start();
            Instant created = Instant.parse("2026-11-01T00:00:00Z");
            new AlertRuleStore(store).update(rules -> {
                rules.add(new AlertRule("al_0000000000000001", "team", symbol, crossing, level, null, 5,
                        hooks.url("/hook").toString(), created, null));
                rules.add(new AlertRule("al_0000000000000002", "team", symbol, notCrossing, level, null, 5, null, created, null));
                rules.add(new AlertRule("al_0000000000000003", "team", symbol, AlertRule.CONDITION, null,
                        "{\"left\":{\"price\":\"close\"},\"op\":\"GT\",\"right\":{\"constant\":0}}", 0, null, created, null));
                rules.add(new AlertRule("al_0000000000000004", "team", "ZZZZ", AlertRule.CONDITION, null,
                        "{\"left\":{\"price\":\"close\"},\"op\":\"GT\",\"right\":{\"constant\":0}}", 0, null, created, null));
                return rules;
            });

            List<AlertCheck.Firing> seen = new ArrayList<>();
            AlertCheck.Notifier standard = AlertNotifiers.standard(null);
            List<AlertCheck.Firing> firings = AlertCheck.run(store, CLOCK, SESSION, firing -> {
                standard.notify(firing);
                seen.add(firing);
            });
            assertThat(firings).extracting(f -> f.rule().id()).containsExactly("al_0000000000000001", "al_0000000000000003");
            assertThat(seen).hasSize(2);
            assertThat(firings.get(0).message()).startsWith(symbol + " on 2026-11-20: close crossed ");

            RecordedRequest hook = hooks.takeRequest(5, TimeUnit.SECONDS);
            assertThat(hook).isNotNull();
            JsonNode body = LakeJson.mapper().readTree(hook.getBody().readUtf8());
            assertThat(body.path("alert").asText()).isEqualTo("al_0000000000000001");
            assertThat(body.path("session").asText()).isEqualTo("2026-11-20");
            assertThat(body.path("close").asDouble()).isEqualTo(last);

            assertThat(new AlertRuleStore(store).all()).filteredOn(rule -> rule.lastFired() != null)
                    .extracting(AlertRule::id).containsExactly("al_0000000000000001", "al_0000000000000003");
            assertThat(AlertCheck.run(store, CLOCK, SESSION, firing -> { })).as("the same session never fires twice").isEmpty();
        }
    }
}
