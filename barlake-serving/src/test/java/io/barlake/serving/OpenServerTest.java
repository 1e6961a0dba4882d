package io.barlake.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.serving.access.RequestLimits;
import io.barlake.serving.front.LocalServer;
import io.barlake.serving.http.ApiJson;
import io.barlake.signals.alerts.AlertRuleStore;
import io.barlake.signals.alerts.WebhookPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code barlake serve} without keys, as a hostile web page in the user's browser would meet it:
 * cross-origin and {@code text/plain} POSTs (CSRF), and requests whose {@code Host} is the
 * attacker's own name rebound to 127.0.0.1 (DNS rebinding). Requests are written by hand so the
 * headers are exactly what a browser would send.
 */
class OpenServerTest {
    private static final String RULE = "{\"symbol\":\"AAPL\",\"kind\":\"price_above\",\"level\":210}";

    @TempDir
    static Path folder;
    static LocalObjectStore store;
    static LocalServer server;
    static String self;

    @BeforeAll
    static void serve() {
        store = new LocalObjectStore(folder.resolve("lake"));
        ServingLake.write(store);
        Router open = new Router(RouterSettings.of(store, ServingLake.CLOCK).withAccess(RouterSettings.WithoutKeys.OPEN)
                .withLimits(new RequestLimits(1000, 1000, 100_000, ServingLake.CLOCK))
                .withWebhooks(new WebhookPolicy(Set.of(), ServingLake.RESOLVER)));
        server = LocalServer.start(open, "127.0.0.1", 0);
        self = "127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void noRules() {
        new AlertRuleStore(store).update(rules -> {
            rules.clear();
            return rules;
        });
    }

    private static RawHttp.Answer post(Map<String, String> headers) {
        return RawHttp.send(server.port(), "POST", "/v1/alerts", headers, RULE);
    }

    private static void assertRefused(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(json(answer).path("error").path("code").asText()).isEqualTo(code);
    }

    private static JsonNode json(RawHttp.Answer answer) {
        try {
            return ApiJson.mapper().readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    @Test
    void aCrossOriginOrNonJsonPostCreatesNothing() {
        // What a form or fetch(…, {mode: "no-cors"}) on another site can send without a preflight.
        assertRefused(post(Map.of("Host", self, "Content-Type", "text/plain", "Origin", "https://evil.example")), 403, "cross_origin");
        assertRefused(post(Map.of("Host", self, "Content-Type", "text/plain;charset=UTF-8")), 415, "unsupported_media_type");
        assertRefused(post(Map.of("Host", self, "Content-Type", "application/x-www-form-urlencoded")), 415, "unsupported_media_type");
        assertRefused(post(Map.of("Host", self)), 415, "unsupported_media_type");
        assertRefused(post(Map.of("Host", self, "Content-Type", "application/json", "Origin", "http://evil.example")), 403, "cross_origin");
        assertRefused(post(Map.of("Host", self, "Content-Type", "application/json", "Origin", "null")), 403, "cross_origin");
        assertRefused(RawHttp.send(server.port(), "DELETE", "/v1/alerts?id=al_0000000000000001",
                Map.of("Host", self, "Origin", "https://evil.example"), ""), 403, "cross_origin");
        assertThat(new AlertRuleStore(store).all()).as("no rule was created").isEmpty();
    }

    @Test
    void theDashboardAndCurlStillCreateRules() {
        // The dashboard's own fetch: same origin, JSON. curl: no Origin at all.
        assertThat(post(Map.of("Host", self, "Content-Type", "application/json", "Origin", "http://" + self)).status()).isEqualTo(201);
        assertThat(post(Map.of("Host", "localhost:" + server.port(), "Content-Type", "application/json; charset=utf-8")).status())
                .isEqualTo(201);
        assertThat(new AlertRuleStore(store).all()).hasSize(2);
    }

    @Test
    void aForeignHostNameIsRefusedOnEveryPathSoARebindingPageReadsNothing() {
        for (String host : List.of("evil.example", "evil.example:" + server.port(), "127.0.0.1.nip.io", "localhost.evil.example",
                "0.0.0.0", "10.0.0.1")) {
            for (String path : List.of("/", "/dashboard/app.js", "/health", "/v1/status", "/v1/alerts", "/v1/bars?symbol=AAPL")) {
                RawHttp.Answer answer = RawHttp.send(server.port(), "GET", path, Map.of("Host", host), "");
                assertRefused(answer, 403, "forbidden_host");
                assertThat(answer.body()).doesNotContain("AAPL", "<html");
            }
        }
        assertRefused(post(Map.of("Host", "evil.example", "Content-Type", "application/json")), 403, "forbidden_host");
        for (String host : List.of(self, "localhost:" + server.port(), "[::1]:" + server.port(), "127.0.0.1")) {
            assertThat(RawHttp.send(server.port(), "GET", "/v1/status", Map.of("Host", host), "").status()).as(host).isEqualTo(200);
        }
        assertThat(new AlertRuleStore(store).all()).isEmpty();
    }

    @Test
    void theChartLibraryIsServedFromTheJarAndThePageLoadsNothingFromElsewhere() {
        RawHttp.Answer library = RawHttp.send(server.port(), "GET", "/dashboard/echarts.min.js", Map.of("Host", self), "");
        assertThat(library.status()).isEqualTo(200);
        assertThat(library.headers()).containsEntry("content-type", "text/javascript; charset=utf-8");
        assertThat(library.body()).hasSizeGreaterThan(500_000).contains("echarts");
        String page = RawHttp.send(server.port(), "GET", "/", Map.of("Host", self), "").body();
        assertThat(page).contains("<script src=\"/dashboard/echarts.min.js\"></script>").doesNotContain("src=\"http", "href=\"http");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndJettysOwnRefusalsAreJson() {
        for (RawHttp.Answer answer : List.of(
                RawHttp.send(server.port(), "GET", "/", Map.of("Host", self), ""),
                RawHttp.send(server.port(), "GET", "/health", Map.of("Host", self), ""),
                RawHttp.send(server.port(), "GET", "/v1/nothing", Map.of("Host", self), ""),
                RawHttp.send(server.port(), "GET", "/v1/bars?symbol=" + "A".repeat(9000), Map.of("Host", self), ""),
                RawHttp.send(server.port(), "GET", "/v1/%zz", Map.of("Host", self), ""))) {
            assertThat(answer.headers()).as(answer.status() + " " + answer.body())
                    .containsEntry("x-content-type-options", "nosniff").containsEntry("x-frame-options", "DENY")
                    .containsKey("content-security-policy");
        }
        RawHttp.Answer tooLong = RawHttp.send(server.port(), "GET", "/v1/bars?symbol=" + "A".repeat(9000), Map.of("Host", self), "");
        assertRefused(tooLong, 414, "uri_too_long");
        assertThat(tooLong.body()).doesNotContain("Jetty", "<html", "AAAA");
        assertRefused(RawHttp.send(server.port(), "GET", "/v1/%zz", Map.of("Host", self), ""), 400, "bad_request");
    }
}
