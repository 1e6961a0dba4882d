package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code barlake aws} against Step Functions, Batch and CloudFormation replayed on loopback
 * ({@link AwsReplay}): a backfill started with the stack's state machine and the input the local
 * backfill takes, followed page by page of history with the same stage lines as a local run (a
 * retried Batch job included), its outcome as the exit code; and the recent executions with their
 * Batch jobs and log links.
 */
class AwsCommandTest {
    private final MockWebServer aws = new MockWebServer();

    @AfterEach
    void stop() throws IOException {
        aws.shutdown();
    }

    private Map<String, String> environment(AwsReplay replay) throws IOException {
        aws.setDispatcher(replay);
        aws.start(java.net.InetAddress.getLoopbackAddress(), 0);
        String url = "http://127.0.0.1:" + aws.getPort();
        Map<String, String> environment = new HashMap<>();
        for (String service : List.of("SFN", "BATCH", "CLOUDFORMATION")) {
            environment.put("AWS_ENDPOINT_URL_" + service, url);
        }
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        environment.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        return environment;
    }

    /** A whole nightly execution in three pages: the fetch; the consolidation retried once; the rest. */
    private static List<List<ObjectNode>> succeeded() {
        AwsReplay.History history = new AwsReplay.History();
        long at = history.add("ExecutionStarted", 0, null, null);
        at = history.entered("Pass", "Prepare", at);
        at = history.exited("Pass", "Prepare", at, "{}");
        at = history.entered("Parallel", "FetchStage", at);
        long started = history.add("ParallelStateStarted", at, null, null);
        long bars = history.task("FetchBars", started, "lambda", 0);
        long reference = history.task("FetchReference", started, "lambda", 0);
        at = history.add("ParallelStateSucceeded", Math.max(bars, reference), null, null);
        at = history.exited("Parallel", "FetchStage", at, "{\"fetch\":{\"bars\":{\"sessions\":4}}}");
        List<ObjectNode> first = history.page();
        at = history.task("Consolidate", at, "batch", 1, "c-1", "c-2");
        List<ObjectNode> second = history.page();
        at = history.entered("Parallel", "Resample", at);
        started = history.add("ParallelStateStarted", at, null, null);
        long last = started;
        for (String timeframe : List.of("3", "5", "8", "13", "21", "34")) {
            last = history.task("Resample" + timeframe, started, "batch", 0, "r" + timeframe + "-2");
        }
        at = history.add("ParallelStateSucceeded", last, null, null);
        at = history.exited("Parallel", "Resample", at, "{}");
        at = history.task("Scan", at, "lambda", 0);
        at = history.entered("Succeed", "Done", at);
        history.add("ExecutionSucceeded", at, null, null);
        return List.of(first, second, history.page());
    }

    @Test
    void aBackfillStartsTheStacksStateMachineFollowsItsProgressAndExitsWithItsOutcome() throws Exception {
        AwsReplay replay = new AwsReplay(succeeded(), "SUCCEEDED", null, null);
        CliRun run = CliRun.execute(environment(replay), "aws", "backfill", "--from", "2024-01-02", "--to", "2024-03-28", "--wait",
                "--poll", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // The state machine from the stack's StateMachineArn output, the local backfill's input, a name made to be unique.
        RecordedRequest start = replay.requests.stream().filter(r -> "AWSStepFunctions.StartExecution".equals(r.getHeader("X-Amz-Target")))
                .findFirst().orElseThrow();
        JsonNode body = new ObjectMapper().readTree(start.getBody().clone().readUtf8());
        assertThat(body.path("stateMachineArn").asText()).isEqualTo(AwsReplay.MACHINE);
        assertThat(new ObjectMapper().readTree(body.path("input").asText()))
                .isEqualTo(new ObjectMapper().readTree("{\"mode\":\"backfill\",\"from\":\"2024-01-02\",\"to\":\"2024-03-28\"}"));
        assertThat(body.path("name").asText()).isEqualTo("backfill-2024-01-02-2024-03-28-20250603t120000z");
        // Lower case, as a run id must be: the run report on AWS is _runs/<this name>.json.
        assertThat(io.barlake.lake.state.DeployedRunReport.runId(body.path("name").asText())).isEqualTo(body.path("name").asText());
        assertThat(start.getHeader("Authorization")).contains("AKIDEXAMPLE/").contains("/us-east-1/states/aws4_request");

        assertThat(run.out()).startsWith("Started " + replay.executionArn() + ": {\"mode\":\"backfill\"");
        assertThat(run.out()).contains("backfill-2024-01-02-2024-03-28-20250603t120000z SUCCEEDED in 13 min");
        assertThat(run.errLines()).containsSubsequence("→ FetchStage", "→ FetchBars", "✓ FetchBars", "✓ FetchStage", "→ Consolidate",
                "↻ Consolidate: States.TaskFailed (attempt 2), retrying in " + FetchProgress.human(java.time.Duration.ZERO), "✓ Consolidate", "→ Resample", "✓ Resample34",
                "✓ Resample", "→ Scan", "✓ Scan");
        long looks = replay.requests.stream().filter(r -> "AWSStepFunctions.DescribeExecution".equals(r.getHeader("X-Amz-Target"))).count();
        assertThat(looks).as("looked until the end, page by page").isEqualTo(3);
    }

    @Test
    void aFailedExecutionIsOneLineAndExitCodeOneAndItsFailedStateIsShown() throws Exception {
        AwsReplay.History history = new AwsReplay.History();
        long at = history.add("ExecutionStarted", 0, null, null);
        at = history.failedTask("Scan", at, "States.TaskFailed", "Scan Lambda: the lake has no daily bars for 2025-06-02");
        at = history.entered("Pass", "ScanFailed", at);
        at = history.exited("Pass", "ScanFailed", at, "{}");
        at = history.entered("Fail", "Failed", at);
        history.add("ExecutionFailed", at, "executionFailedEventDetails", new ObjectMapper().createObjectNode()
                .put("error", "Barlake.StageFailed").put("cause", "Scan failed: the lake has no daily bars for 2025-06-02"));
        AwsReplay replay = new AwsReplay(List.of(history.page()), "FAILED", "Barlake.StageFailed",
                "Scan failed: the lake has no daily bars for 2025-06-02\nRerun: barlake aws run --date 2025-06-02");
        CliRun run = CliRun.execute(environment(replay), "aws", "run", "--date", "2025-06-02", "--wait", "--poll", "0",
                "--state-machine", AwsReplay.MACHINE);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).contains("✗ Scan: States.TaskFailed");
        assertThat(run.errLines()).last().isEqualTo("barlake: execution run-2025-06-02-20250603t120000z FAILED: Barlake.StageFailed: "
                + "Scan failed: the lake has no daily bars for 2025-06-02");
        assertThat(replay.requests).noneMatch(r -> r.getBody().clone().readUtf8().contains("DescribeStacks"));
    }

    @Test
    void statusListsRecentExecutionsWithTheirBatchJobsStatesAndLogLinks() throws Exception {
        AwsReplay replay = new AwsReplay(succeeded(), "SUCCEEDED", null, null);
        CliRun status = CliRun.execute(environment(replay), "aws", "status", "--limit", "3");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().lines().toList()).first().isEqualTo("Executions of " + AwsReplay.MACHINE + ", newest first:");
        assertThat(status.out()).contains("nightly-20250602", "SUCCEEDED", "2025-06-03 12:00:00.123", "13 min");
        assertThat(status.out()).containsPattern("Consolidate +consolidate +FAILED +30 s +https://us-east-1\\.console\\.aws\\.amazon\\.com/"
                + "cloudwatch/home\\?region=us-east-1#logsV2:log-groups/log-group/\\$252Faws\\$252Fbatch\\$252Fjob/log-events/"
                + "barlake-staging-consolidate\\$252Fdefault\\$252Fc-1");
        assertThat(status.out()).containsPattern("Consolidate +consolidate +SUCCEEDED +2 min");
        assertThat(status.out()).containsPattern("Resample34 +resample-5d +SUCCEEDED +2 min +https://\\S+log-group/\\$252Fbarlake\\$252F"
                + "barlake-staging\\$252Fjobs/log-events/barlake-staging-resample-5d\\$252Fdefault\\$252Fr34-2");
    }

    @Test
    void badArgumentsAndAnUnreachableStackAreOneLine() throws Exception {
        AwsReplay replay = new AwsReplay(succeeded(), "SUCCEEDED", null, null);
        Map<String, String> environment = environment(replay);
        CliRun backwards = CliRun.execute(environment, "aws", "backfill", "--from", "2024-03-28", "--to", "2024-01-02");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.errLines()).singleElement().asString().contains("--from").contains("is after --to 2024-01-02");
        CliRun limit = CliRun.execute(environment, "aws", "status", "--limit", "0");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.errLines()).singleElement().asString().contains("--limit").contains("expected 1 to 100");
        environment.put("AWS_ENDPOINT_URL_CLOUDFORMATION", "http://127.0.0.1:" + closedPort());
        CliRun noStack = CliRun.execute(environment, "aws", "status");
        assertThat(noStack.exitCode()).isEqualTo(2);
        assertThat(noStack.errLines()).singleElement().asString().startsWith("barlake: Invalid --stack 'Barlake-staging': cannot read the"
                + " stack's outputs").endsWith("give --state-machine ARN or set BARLAKE_STATE_MACHINE_ARN");
        assertThat(String.join("\n", noStack.errLines())).doesNotContain("wJalrXUtnFEMI");
        assertThat(replay.requests).noneMatch(r -> "AWSStepFunctions.StartExecution".equals(r.getHeader("X-Amz-Target")));
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
