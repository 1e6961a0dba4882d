package io.barlake.statemachine.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.signals.alerts.SnsAlertPublisher;
import io.barlake.statemachine.Placeholder;
import io.barlake.statemachine.asl.ExecutionListener;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NotifyFailure publishing through SNS, against a local HTTP server answering as SNS does (the Query protocol, XML replies). */
class NotifyFailureTest {
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:barlake-alerts";
    private static final String PUBLISHED = """
            <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult>
                <MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId>
              </PublishResult>
              <ResponseMetadata>
                <RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId>
              </ResponseMetadata>
            </PublishResponse>""";
    private static final String NOT_FOUND = """
            <ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
              <Error>
                <Type>Sender</Type>
                <Code>NotFound</Code>
                <Message>Topic does not exist</Message>
              </Error>
              <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
            </ErrorResponse>""";

    @TempDir
    Path lake;

    private final MockWebServer sns = new MockWebServer();
    private final List<Map<String, String>> publishes = new CopyOnWriteArrayList<>();
    private volatile boolean topicExists = true;

    @BeforeEach
    void startSns() throws IOException {
        sns.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                publishes.add(form(request.getBody().readUtf8()));
                return topicExists ? xml(200, PUBLISHED) : xml(404, NOT_FOUND);
            }
        });
        sns.start();
    }

    @AfterEach
    void stopSns() throws IOException {
        sns.shutdown();
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("BARLAKE_LAKE", lake.toString());
        environment.put(MarketDataSources.SYMBOLS, "20");
        environment.put(SnsAlertPublisher.TOPIC_SETTING, TOPIC);
        environment.put(SnsAlertPublisher.ENDPOINT_SETTING, sns.url("/").toString());
        environment.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        environment.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        return environment;
    }

    @Test
    void aFailedRunPublishesItsFailureMessageToTheConfiguredTopic() {
        LocalPipeline.Outcome outcome = failingRun();

        assertThat(outcome.result().succeeded()).isFalse();
        assertThat(publishes).singleElement().satisfies(form -> {
            assertThat(form).containsEntry("TopicArn", TOPIC).containsEntry("Subject", "Barlake run run-sns failed at FetchStage (FetchBars, FetchReference)");
            assertThat(form.get("Message")).isEqualTo(outcome.alert()).contains("State: FetchStage", "feed is down",
                    "Re-run them: barlake backfill --from 2026-11-02 --to 2026-11-20");
        });
    }

    @Test
    void aTopicSnsDoesNotKnowIsRetriedByTheDefinitionAndTheRunStillEndsWithTheStagesError() {
        topicExists = false;
        LocalPipeline.Outcome outcome = failingRun();

        assertThat(outcome.result().succeeded()).isFalse();
        assertThat(outcome.result().error()).as("the stage's error, not the notifier's").isEqualTo("java.lang.IllegalStateException");
        assertThat(publishes).as("NotifyFailure: 1 attempt + 3 retries").hasSize(4);
        RunReport report = new StateStore(new LocalObjectStore(lake), PipelineScenarios.CLOCK).runReport("run-sns").orElseThrow();
        assertThat(report.error()).contains("State: FetchStage");
        assertThat(report.stages()).filteredOn(stage -> stage.name().equals("NotifyFailure")).singleElement().satisfies(stage -> {
            assertThat(stage.status()).isEqualTo(RunReport.Status.FAILED);
            assertThat(stage.attempts()).isEqualTo(4);
            assertThat(stage.error()).startsWith("SNS.NotFoundException: Topic does not exist");
        });
    }

    private LocalPipeline.Outcome failingRun() {
        Map<String, String> environment = environment();
        try (SnsAlertPublisher publisher = SnsAlertPublisher.forTopic(TOPIC, environment)) {
            LocalPipeline pipeline = new LocalPipeline(environment, new LocalObjectStore(lake),
                    MarketDataSources.open(environment, TradingCalendar.nyse(), PipelineScenarios.CLOCK,
                            SecretsManagerApiKeys.usingDefaultClient()),
                    PipelineScenarios.CLOCK, PipelineScenarios.RETRY_SCALE, publisher::publish);
            assertThat(pipeline.arns()).containsEntry(Placeholder.AlertTopicArn, TOPIC);
            pipeline.tasks().function(pipeline.arns().get(Placeholder.FetchBarsFunctionArn), (in, out, context) -> {
                throw new IllegalStateException("feed is down");
            });
            return pipeline.run("run-sns", "backfill", PipelineScenarios.backfill("2026-11-02", "2026-11-20"), ExecutionListener.NONE);
        }
    }

    private static MockResponse xml(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/xml").setBody(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
