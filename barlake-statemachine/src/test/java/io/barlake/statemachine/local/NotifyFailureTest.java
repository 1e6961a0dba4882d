package io.barlake.statemachine.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.signals.alerts.SnsAlertPublisher;
import io.barlake.signals.testing.SnsStub;
import io.barlake.statemachine.Placeholder;
import io.barlake.statemachine.asl.ExecutionListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NotifyFailure publishing through SNS, against a local HTTP server answering as SNS does (the Query protocol, XML replies). */
class NotifyFailureTest {
    private static final String TOPIC = SnsStub.TOPIC;

    @TempDir
    Path lake;

    private final SnsStub sns = new SnsStub();
    private final List<Map<String, String>> publishes = sns.publishes();

    @AfterEach
    void stopSns() {
        sns.close();
    }

    private Map<String, String> environment() {
        Map<String, String> environment = sns.environment(SnsAlertPublisher.TOPIC_SETTING, SnsAlertPublisher.ENDPOINT_SETTING);
        environment.put("BARLAKE_LAKE", lake.toString());
        environment.put(MarketDataSources.SYMBOLS, "20");
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
        sns.removeTopic();
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
}
