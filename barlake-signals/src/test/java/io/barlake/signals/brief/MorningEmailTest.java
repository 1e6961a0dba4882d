package io.barlake.signals.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.signals.SyntheticLake;
import io.barlake.signals.alerts.SnsAlertPublisher;
import io.barlake.signals.market.MarketGold;
import io.barlake.signals.market.MarketReader;
import io.barlake.signals.market.MarketSettings;
import io.barlake.signals.testing.SnsStub;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The morning e-mail through a local SNS server, a local stand-in of SES's v2 SendEmail and one of
 * Bedrock's Converse API, each answering as the AWS service does.
 */
class MorningEmailTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 20);
    private static final String MODEL = "amazon.nova-lite-v1:0";
    private static final String CONVERSE_ANSWER = """
            {"output":{"message":{"role":"assistant","content":[{"text":"Stocks rose broadly & quietly."}]}},
             "stopReason":"end_turn","usage":{"inputTokens":812,"outputTokens":41,"totalTokens":853},"metrics":{"latencyMs":420}}""";

    @TempDir
    static Path folder;
    static JsonNode summary;

    @BeforeAll
    static void fill() {
        try (LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"))) {
            SyntheticLake.backfill(store, 20, LocalDate.of(2026, 8, 3), SESSION, CLOCK);
            MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS);
            summary = new MarketReader(store).summary(SESSION).orElseThrow();
        }
    }

    private static LocalObjectStore lake() {
        return new LocalObjectStore(folder.resolve("lake"));
    }

    @Test
    void theDefaultIsPlainTextToTheSnsTopicOncePerSession() {
        try (SnsStub sns = new SnsStub(); LocalObjectStore store = lake()) {
            store.delete(List.of(LakeLayout.checkpoint(LakeLayout.MORNING_EMAIL_CHECKPOINT)));
            MorningEmail email = MorningEmail.fromEnvironment(sns.environment(MorningEmail.TOPIC_SETTING,
                    SnsAlertPublisher.ENDPOINT_SETTING)).orElseThrow();

            assertThat(email.send(store, CLOCK, SESSION).sent()).isTrue();
            assertThat(sns.publishes()).singleElement().satisfies(publish -> {
                assertThat(publish.get("Subject")).isEqualTo(MorningEmail.subject(SESSION, summary)).startsWith("Barlake market 2026-11-20: ");
                assertThat(publish.get("Message")).startsWith(summary.path("narrative").asText())
                        .contains("Breadth: ", "Top gainers:", "Top losers:", "Most active:", "/v1/market/report?date=2026-11-20");
                assertThat(publish.get("TopicArn")).isEqualTo(SnsStub.TOPIC);
            });

            MorningEmail.Outcome again = email.send(store, CLOCK, SESSION);
            assertThat(again.sent()).isFalse();
            assertThat(again.why()).isEqualTo("the e-mail of 2026-11-20 was sent already");
            assertThat(sns.publishes()).hasSize(1);
        }
    }

    @Test
    void withAVerifiedSenderTheReportGoesAsHtmlThroughSesWithTheModelsNarrative() throws Exception {
        try (MockWebServer ses = new MockWebServer(); MockWebServer bedrock = new MockWebServer(); LocalObjectStore store = lake()) {
            store.delete(List.of(LakeLayout.checkpoint(LakeLayout.MORNING_EMAIL_CHECKPOINT)));
            ses.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"MessageId\":\"0100018c-ses\"}"));
            bedrock.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(CONVERSE_ANSWER));
            Map<String, String> environment = credentials();
            environment.put(MorningEmail.SES_FROM_SETTING, "market@example.com");
            environment.put(MorningEmail.SES_TO_SETTING, "quant@example.com, desk@example.com");
            environment.put(MorningEmail.SES_ENDPOINT_SETTING, ses.url("/").toString());
            environment.put(BedrockNarrator.MODEL_SETTING, MODEL);
            environment.put(BedrockNarrator.ENDPOINT_SETTING, bedrock.url("/").toString());

            MorningEmail.Outcome outcome = MorningEmail.fromEnvironment(environment).orElseThrow().send(store, CLOCK, SESSION);

            assertThat(outcome.why()).isEqualTo("sent through SES from market@example.com to 2 recipient(s)");
            RecordedRequest sent = ses.takeRequest(5, TimeUnit.SECONDS);
            assertThat(sent.getMethod()).isEqualTo("POST");
            assertThat(sent.getPath()).isEqualTo("/v2/email/outbound-emails");
            JsonNode email = LakeJson.mapper().readTree(sent.getBody().readUtf8());
            assertThat(email.path("FromEmailAddress").asText()).isEqualTo("market@example.com");
            assertThat(email.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo("quant@example.com");
            assertThat(email.path("Destination").path("ToAddresses").get(1).asText()).isEqualTo("desk@example.com");
            JsonNode simple = email.path("Content").path("Simple");
            assertThat(simple.path("Subject").path("Data").asText()).startsWith("Barlake market 2026-11-20");
            assertThat(simple.path("Body").path("Html").path("Data").asText()).contains("<h1>Market on 2026-11-20</h1>",
                    "<p class=\"narrative\" id=\"narrative\">Stocks rose broadly &amp; quietly.</p>", "id=\"movers\"");
            assertThat(simple.path("Body").path("Text").path("Data").asText()).startsWith("Stocks rose broadly & quietly.");

            RecordedRequest asked = bedrock.takeRequest(5, TimeUnit.SECONDS);
            assertThat(asked.getPath()).isEqualTo("/model/amazon.nova-lite-v1%3A0/converse");
            JsonNode converse = LakeJson.mapper().readTree(asked.getBody().readUtf8());
            assertThat(converse.path("system").get(0).path("text").asText()).isEqualTo(BedrockNarrator.INSTRUCTIONS);
            JsonNode figures = LakeJson.mapper().readTree(converse.path("messages").get(0).path("content").get(0).path("text").asText());
            assertThat(figures.has("narrative")).as("the model writes from the figures, not from our sentences").isFalse();
            assertThat(figures.path("breadth")).isEqualTo(summary.path("breadth"));
            assertThat(converse.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(BedrockNarrator.MAX_TOKENS);
        }
    }

    @Test
    void aModelThatFailsSixTimesOrSaysNothingLeavesTheTemplatesWords() throws Exception {
        try (MockWebServer bedrock = new MockWebServer()) {
            for (int i = 0; i <= BedrockNarrator.RETRIES; i++) {
                bedrock.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/json")
                        .setHeader("x-amzn-ErrorType", "InternalServerException").setBody("{\"message\":\"internal\"}"));
            }
            bedrock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setBody("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[]}},\"stopReason\":\"max_tokens\"}"));
            Map<String, String> environment = credentials();
            environment.put(BedrockNarrator.MODEL_SETTING, MODEL);
            environment.put(BedrockNarrator.ENDPOINT_SETTING, bedrock.url("/").toString());
            Narrator narrator = BedrockNarrator.fromEnvironment(environment);

            assertThat(narrator.narrate(summary)).isEqualTo(summary.path("narrative").asText());
            assertThat(bedrock.getRequestCount()).as("the first call and five retries").isEqualTo(1 + BedrockNarrator.RETRIES);
            assertThat(narrator.narrate(summary)).as("an answer without text").isEqualTo(summary.path("narrative").asText());
        }
    }

    @Test
    void offUnlessConfiguredAndABadAddressIsNamed() {
        assertThat(MorningEmail.fromEnvironment(Map.of())).isEmpty();
        assertThat(BedrockNarrator.fromEnvironment(Map.of())).isSameAs(Narrator.TEMPLATE);
        assertThatThrownBy(() -> MorningEmail.fromEnvironment(Map.of(MorningEmail.SES_FROM_SETTING, "market@example.com",
                MorningEmail.SES_TO_SETTING, "not-an-address"))).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(MorningEmail.SES_TO_SETTING).hasMessageContaining("not-an-address");
    }

    private static Map<String, String> credentials() {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        environment.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        return environment;
    }
}
