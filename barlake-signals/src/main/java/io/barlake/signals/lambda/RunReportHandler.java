package io.barlake.signals.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.DeployedRunReport;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.StageTimeline;
import io.barlake.lake.store.AwsClientSettings;
import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * The state machine's last task, on the success and the failure path: the execution's run report
 * ({@link DeployedRunReport}) under {@code _runs/}. In {@code {"execution": ARN, "outcome":
 * "SUCCEEDED"|"FAILED", "state": {…}, "alert": "…"}}; its stages come from the execution's history
 * ({@link ExecutionHistoryReplay}), its start and input from the execution itself. Out
 * {@code {"run_id":…,"key":"_runs/….json"}}. A failure here never changes the run's outcome: the
 * definition catches it and goes on to its end.
 */
public final class RunReportHandler implements RequestStreamHandler {
    private final ObjectStore store;
    private final SfnClient sfn;
    private final Clock clock;

    /** Cold start: the lake from the process environment, Step Functions in the function's region. */
    public RunReportHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    public RunReportHandler(Map<String, String> environment, Clock clock) {
        this(ObjectStores.open(LakeLocation.parse(environment.getOrDefault(LakeLocation.SETTING, LakeLocation.DEFAULT),
                LakeLocation.SETTING), environment), sfn(environment), clock);
    }

    public RunReportHandler(ObjectStore store, SfnClient sfn, Clock clock) {
        this.store = store;
        this.sfn = sfn;
        this.clock = clock;
    }

    private static SfnClient sfn(Map<String, String> environment) {
        var builder = SfnClient.builder().region(AwsClientSettings.region(environment));
        AwsClientSettings.apply(builder, environment, "AWS_ENDPOINT_URL_SFN");
        return builder.build();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        io.barlake.lake.logging.LogContext.invocation(context == null ? null : context.getAwsRequestId());
        JsonNode event = LakeJson.mapper().readTree(input);
        String arn = event.path("execution").asText();
        io.barlake.lake.logging.LogContext.run(DeployedRunReport.runId(arn.substring(arn.lastIndexOf(':') + 1)));
        DescribeExecutionResponse execution = sfn.describeExecution(request -> request.executionArn(arn));
        StageTimeline timeline = new StageTimeline();
        new ExecutionHistoryReplay(timeline).tell(ExecutionHistoryReplay.history(sfn, arn));
        RunReport report = DeployedRunReport.save(store, clock, new DeployedRunReport.Execution(execution.name(),
                LakeJson.mapper().readTree(execution.input() == null ? "{}" : execution.input()), execution.startDate(),
                timeline.reports(), event.path("state"), "SUCCEEDED".equals(event.path("outcome").asText()),
                event.path("alert").asText(null)));
        ObjectNode out = LakeJson.mapper().createObjectNode();
        out.put("run_id", report.runId());
        out.put("key", LakeLayout.runReport(report.runId()));
        LakeJson.mapper().writeValue(output, out);
    }
}
