package io.barlake.signals.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.QualityReport;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.LocalObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The deployed run's report, written by the state machine's last task from Step Functions replayed
 * on loopback (JSON 1.0, timestamps in epoch seconds, the history in two pages): the command of its
 * input, its stages with their times and tries, what it wrote and the quality gate's findings in
 * it, the alert it sent; listed by {@code barlake status} and {@code /v1/status} as a local run is.
 */
class RunReportHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:barlake-staging-pipeline:"
            + "backfill-2024-01-02-2024-01-31-20250603t120000z";

    @TempDir
    Path folder;

    /** A failed backfill: the fetch succeeded; the consolidation failed, was tried again and failed; then the report. */
    private static List<ObjectNode> history() {
        List<ObjectNode> events = new ArrayList<>();
        double t = 1.748952000E9;
        events.add(event(1, 0, t, "ExecutionStarted", null, null));
        events.add(event(2, 1, t + 1, "ParallelStateEntered", "stateEnteredEventDetails", JSON.createObjectNode().put("name", "FetchStage")));
        events.add(event(3, 2, t + 1, "ParallelStateStarted", null, null));
        events.add(event(4, 3, t + 2, "TaskStateEntered", "stateEnteredEventDetails", JSON.createObjectNode().put("name", "FetchBars")));
        events.add(event(5, 4, t + 2, "TaskScheduled", "taskScheduledEventDetails", JSON.createObjectNode().put("resourceType", "lambda")));
        events.add(event(6, 5, t + 3, "TaskSucceeded", "taskSucceededEventDetails", JSON.createObjectNode().put("resourceType", "lambda")));
        events.add(event(7, 6, t + 40, "TaskStateExited", "stateExitedEventDetails", JSON.createObjectNode().put("name", "FetchBars")
                .put("output", "{}")));
        events.add(event(8, 7, t + 41, "ParallelStateSucceeded", null, null));
        events.add(event(9, 8, t + 41, "ParallelStateExited", "stateExitedEventDetails", JSON.createObjectNode().put("name", "FetchStage")
                .put("output", "{}")));
        events.add(event(10, 9, t + 42, "TaskStateEntered", "stateEnteredEventDetails", JSON.createObjectNode().put("name", "Consolidate")));
        events.add(event(11, 10, t + 42, "TaskScheduled", "taskScheduledEventDetails", JSON.createObjectNode().put("resourceType", "batch")));
        events.add(event(12, 11, t + 160, "TaskFailed", "taskFailedEventDetails", JSON.createObjectNode().put("resourceType", "batch")
                .put("error", "States.TaskFailed").put("cause", "{\"StatusReason\":\"Essential container in task exited\"}")));
        events.add(event(13, 12, t + 161, "TaskScheduled", "taskScheduledEventDetails", JSON.createObjectNode().put("resourceType", "batch")));
        events.add(event(14, 13, t + 280, "TaskFailed", "taskFailedEventDetails", JSON.createObjectNode().put("resourceType", "batch")
                .put("error", "States.TaskFailed").put("cause", "{\"StatusReason\":\"Essential container in task exited\"}")));
        events.add(event(15, 14, t + 280, "TaskStateExited", "stateExitedEventDetails", JSON.createObjectNode().put("name", "Consolidate")
                .put("output", "{}")));
        events.add(event(16, 15, t + 281, "PassStateEntered", "stateEnteredEventDetails", JSON.createObjectNode().put("name", "ConsolidateFailed")));
        events.add(event(17, 16, t + 281, "PassStateExited", "stateExitedEventDetails", JSON.createObjectNode().put("name", "ConsolidateFailed")
                .put("output", "{}")));
        events.add(event(18, 17, t + 282, "TaskStateEntered", "stateEnteredEventDetails", JSON.createObjectNode().put("name", "ReportFailedRun")));
        events.add(event(19, 18, t + 282, "TaskScheduled", "taskScheduledEventDetails", JSON.createObjectNode().put("resourceType", "lambda")));
        return events;
    }

    private static ObjectNode event(long id, long previous, double timestamp, String type, String field, ObjectNode details) {
        ObjectNode event = JSON.createObjectNode().put("timestamp", timestamp).put("type", type).put("id", id).put("previousEventId", previous);
        if (field != null) {
            event.set(field, details);
        }
        return event;
    }

    @Test
    void aDeployedRunsReportHasTheLocalContentAndStatusListsIt() throws Exception {
        List<ObjectNode> events = history();
        MockWebServer sfn = new MockWebServer();
        List<String> pagesAsked = new ArrayList<>();
        sfn.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getHeader("X-Amz-Target");
                try {
                    JsonNode body = JSON.readTree(request.getBody().readUtf8());
                    ObjectNode answer = JSON.createObjectNode();
                    if ("AWSStepFunctions.DescribeExecution".equals(target)) {
                        answer.put("executionArn", ARN).put("name", ARN.substring(ARN.lastIndexOf(':') + 1)).put("status", "RUNNING")
                                .put("startDate", 1.748952000E9).put("stateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:x")
                                .put("input", "{\"mode\":\"backfill\",\"from\":\"2024-01-02\",\"to\":\"2024-01-31\"}");
                    } else if ("AWSStepFunctions.GetExecutionHistory".equals(target)) {
                        boolean first = !body.has("nextToken");
                        pagesAsked.add(first ? "first" : body.path("nextToken").asText());
                        ArrayNode page = answer.putArray("events");
                        (first ? events.subList(0, 10) : events.subList(10, events.size())).forEach(page::add);
                        if (first) {
                            answer.put("nextToken", "AAAA-page-2");
                        }
                    } else {
                        return new MockResponse().setResponseCode(400);
                    }
                    return new MockResponse().setHeader("Content-Type", "application/x-amz-json-1.0").setBody(answer.toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        sfn.start(java.net.InetAddress.getLoopbackAddress(), 0);
        Clock clock = Clock.fixed(Instant.parse("2025-06-03T12:05:00Z"), ZoneOffset.UTC);
        try (LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
             SfnClient client = SfnClient.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                     .endpointOverride(java.net.URI.create("http://127.0.0.1:" + sfn.getPort()))
                     .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                             software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).build()) {
            // What the run wrote: a quality verdict that held a session.
            store.put(LakeLayout.quality(LocalDate.of(2024, 1, 16)), LakeJson.mapper().writeValueAsBytes(new QualityReport(
                    LocalDate.of(2024, 1, 16), QualityReport.HELD, 420, 4620, "90 % of the previous session's symbols missing",
                    Map.of("missing", 4200), List.of())));
            String alert = "Barlake pipeline execution " + ARN + " failed.\nState: Consolidate\nError: States.TaskFailed";
            ObjectNode event = JSON.createObjectNode().put("execution", ARN).put("outcome", "FAILED").put("alert", alert);
            event.putObject("state").putObject("request").put("mode", "backfill");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new RunReportHandler(store, client, clock).handleRequest(new ByteArrayInputStream(event.toString().getBytes(
                    StandardCharsets.UTF_8)), out, null);

            String runId = "backfill-2024-01-02-2024-01-31-20250603t120000z";
            assertThat(JSON.readTree(out.toByteArray()).path("key").asText()).isEqualTo(LakeLayout.runReport(runId));
            assertThat(pagesAsked).containsExactly("first", "AAAA-page-2");
            RunReport report = new StateStore(store, clock).runReport(runId).orElseThrow();
            assertThat(report.command()).isEqualTo("backfill --from 2024-01-02 --to 2024-01-31");
            assertThat(report.status()).isEqualTo(RunReport.Status.FAILED);
            assertThat(report.startedAt()).isEqualTo(Instant.parse("2025-06-03T12:00:00Z"));
            assertThat(report.finishedAt()).isEqualTo(clock.instant());
            assertThat(report.error()).isEqualTo(alert);
            assertThat(report.stages()).extracting(RunReport.StageReport::name).containsExactly("FetchStage", "FetchBars", "Consolidate");
            RunReport.StageReport consolidate = report.stages().get(2);
            assertThat(consolidate.status()).isEqualTo(RunReport.Status.FAILED);
            assertThat(consolidate.attempts()).isEqualTo(2);
            assertThat(consolidate.error()).isEqualTo("States.TaskFailed: {\"StatusReason\":\"Essential container in task exited\"}");
            assertThat(consolidate.startedAt()).isEqualTo(Instant.parse("2025-06-03T12:00:42Z"));
            assertThat(consolidate.finishedAt()).isEqualTo(Instant.parse("2025-06-03T12:04:40Z"));
            assertThat(report.stages().get(1).finishedAt()).isEqualTo(Instant.parse("2025-06-03T12:00:40Z"));
            assertThat(report.counts()).containsEntry("objects_written", 1L).containsEntry("quality_held", 1L)
                    .containsEntry("quality_missing", 4200L).doesNotContainKey("signals");
            // What barlake status and /v1/status read.
            assertThat(new StateStore(store, clock).latestRuns(5, problem -> { })).extracting(RunReport::runId).contains(runId);
        } finally {
            sfn.shutdown();
        }
    }
}
