package io.barlake.signals.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.analytics.series.BarSeries;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.signals.SyntheticLake;
import io.barlake.signals.series.LakeSeries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly alert check on a lake the pipeline filled: which rules fire, the webhook, and the cooldown. */
class AlertCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 20);

    @TempDir
    static Path folder;
    static LocalObjectStore store;
    /** A symbol with a bar on the session, and a level between its last two closes: the close crosses it that day. */
    static String symbol;
    static double previous;
    static double last;
    static double level;

    @BeforeAll
    static void fill() throws Exception {
        store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 20, LocalDate.of(2026, 9, 1), SESSION, CLOCK);
        symbol = ParquetCodec.DAILY.read(store, LakeLayout.silverDaily(2026)).stream()
                .filter(bar -> bar.date().equals(SESSION)).map(DailyBar::symbol).findFirst().orElseThrow();
        BarSeries bars = LakeSeries.load(store, symbol, Timeframe.D1, null, SESSION, CLOCK);
        previous = bars.close()[bars.size() - 2];
        last = bars.close()[bars.size() - 1];
        level = (previous + last) / 2;
    }

    @BeforeEach
    void noRules() {
        new AlertRuleStore(store).update(rules -> {
            rules.clear();
            return rules;
        });
    }

    @Test
    void rulesFireOnTheirSessionNotifyTheirWebhookAndWaitOutTheirCooldown() throws Exception {
        AlertTrigger crossing = last > previous ? new AlertTrigger.PriceAbove(level) : new AlertTrigger.PriceBelow(level);
        AlertTrigger notCrossing = last > previous ? new AlertTrigger.PriceBelow(level) : new AlertTrigger.PriceAbove(level);
        AlertTrigger alwaysTrue = new AlertTrigger.Condition("{\"left\":{\"price\":\"close\"},\"op\":\"GT\",\"right\":{\"constant\":0}}");

        try (MockWebServer hooks = new MockWebServer()) {
            hooks.enqueue(new MockResponse().setResponseCode(204));
            hooks.start();
            Instant created = Instant.parse("2026-11-01T00:00:00Z");
            new AlertRuleStore(store).update(rules -> {
                rules.add(new AlertRule("al_0000000000000001", "team", symbol, crossing, 5,
                        hooks.url("/hook").toString(), created, null));
                rules.add(new AlertRule("al_0000000000000002", "team", symbol, notCrossing, 5, null, created, null));
                rules.add(new AlertRule("al_0000000000000003", "team", symbol, alwaysTrue, 0, null, created, null));
                rules.add(new AlertRule("al_0000000000000004", "team", "ZZZZ", alwaysTrue, 0, null, created, null));
                return rules;
            });

            List<AlertCheck.Firing> seen = new ArrayList<>();
            // The test's receiver is on loopback: an operator's trusted host, as BARLAKE_WEBHOOK_TRUSTED_HOSTS would name it.
            AlertCheck.Notifier standard = AlertNotifiers.standard(new WebhookPolicy(Set.of(hooks.getHostName()), WebhookPolicy.SYSTEM), null);
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

    /**
     * Rules stored before webhooks were checked (or written into the lake by hand) point at the
     * metadata service, loopback in every notation, private networks, and a public name that now
     * resolves to loopback (DNS rebinding). The rule fires, but no webhook is called: the receiver
     * on loopback, which each of them would reach, gets nothing.
     */
    @Test
    void aWebhookIntoTheOwnersNetworkIsRefusedAtSendTimeInEveryNotationAndNothingIsSent() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            int port = receiver.getPort();
            List<String> hooks = List.of(
                    "http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/", "https://127.0.0.1:" + port + "/",
                    "http://127.0.0.1:" + port + "/", "https://0.0.0.0:" + port + "/", "https://[::1]:" + port + "/",
                    "https://[::ffff:127.0.0.1]:" + port + "/", "https://[::ffff:7f00:1]:" + port + "/",
                    "https://2130706433:" + port + "/", "https://0x7f000001:" + port + "/", "https://0177.0.0.1:" + port + "/",
                    "https://127.1:" + port + "/", "https://localhost:" + port + "/", "https://10.0.0.8/", "https://192.168.1.1/",
                    "https://172.16.0.1/", "https://100.64.0.1/", "https://224.0.0.1/", "https://[fe80::1]/", "https://[fd00:ec2::254]/",
                    "https://user:secret@hooks.example.com/", "https://rebound.example.com:" + port + "/");
            List<String> ids = new ArrayList<>();
            new AlertRuleStore(store).update(rules -> {
                for (int i = 0; i < hooks.size(); i++) {
                    String id = String.format("al_%016x", i + 100);
                    ids.add(id);
                    rules.add(new AlertRule(id, "team", symbol, last > previous ? new AlertTrigger.PriceAbove(level)
                            : new AlertTrigger.PriceBelow(level), 0, hooks.get(i), Instant.parse("2026-11-01T00:00:00Z"), null));
                }
                return rules;
            });
            // A resolver that answers from a table and never asks the network: the rebinding name points at loopback now.
            WebhookPolicy.Resolver table = host -> {
                if (host.equals("rebound.example.com") || host.equals("hooks.example.com")) {
                    return List.of(java.net.InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
                }
                throw new java.net.UnknownHostException(host);
            };
            List<AlertCheck.Firing> firings = AlertCheck.run(store, CLOCK, SESSION,
                    AlertNotifiers.standard(new WebhookPolicy(Set.of(), table), null));
            assertThat(firings).extracting(f -> f.rule().id()).containsExactlyElementsOf(ids);
            assertThat(receiver.takeRequest(500, TimeUnit.MILLISECONDS)).as("no webhook reached the receiver").isNull();
            assertThat(receiver.getRequestCount()).isZero();
        }
    }
}
