package io.barlake.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Step Functions, Batch and CloudFormation on loopback, answering as the services do on the wire:
 * Step Functions in JSON 1.0 by {@code X-Amz-Target} (timestamps in epoch seconds), Batch's REST
 * JSON ({@code POST /v1/describejobs}, epoch milliseconds), CloudFormation's query protocol in XML.
 * The shapes are those of the services' API references. An execution's history grows by one page
 * of events per look, so a follower sees it progress; its status turns final with the last page.
 */
final class AwsReplay extends Dispatcher {
    static final String ACCOUNT = "123456789012";
    static final String MACHINE = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:barlake-staging-pipeline";
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<List<ObjectNode>> pages = new ArrayList<>();
    private final AtomicInteger looks = new AtomicInteger();
    private final String finalStatus;
    private final String error;
    private final String cause;
    private volatile String executionName = "nightly-20250602";

    /** An execution whose history comes in {@code pages}, ending {@code finalStatus} (with its error and cause when failed). */
    AwsReplay(List<List<ObjectNode>> pages, String finalStatus, String error, String cause) {
        this.pages.addAll(pages);
        this.finalStatus = finalStatus;
        this.error = error;
        this.cause = cause;
    }

    String executionArn() {
        return "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:barlake-staging-pipeline:" + executionName;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String target = request.getHeader("X-Amz-Target");
        try {
            if (target != null && target.startsWith("AWSStepFunctions.")) {
                return json("application/x-amz-json-1.0", stepFunctions(target.substring("AWSStepFunctions.".length()),
                        JSON.readTree(request.getBody().clone().readUtf8())));
            }
            if (request.getPath().equals("/v1/describejobs")) {
                return json("application/json", describeJobs(JSON.readTree(request.getBody().clone().readUtf8())));
            }
            String form = request.getBody().clone().readUtf8();
            if (form.contains("Action=DescribeStacks")) {
                return new MockResponse().setHeader("Content-Type", "text/xml").setBody(describeStacks());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new MockResponse().setResponseCode(400).setBody("{\"__type\":\"UnknownOperationException\"}");
    }

    private JsonNode stepFunctions(String operation, JsonNode body) {
        ObjectNode answer = JSON.createObjectNode();
        switch (operation) {
            case "StartExecution" -> {
                executionName = body.path("name").asText();
                answer.put("executionArn", executionArn());
                answer.put("startDate", 1.748952000123E9);
            }
            case "DescribeExecution" -> {
                boolean done = looks.incrementAndGet() >= pages.size();
                answer.put("executionArn", executionArn());
                answer.put("stateMachineArn", MACHINE);
                answer.put("name", executionName);
                answer.put("status", done ? finalStatus : "RUNNING");
                answer.put("startDate", 1.748952000123E9);
                if (done) {
                    answer.put("stopDate", 1.748952754456E9);
                }
                answer.put("input", "{}");
                answer.putObject("inputDetails").put("included", true);
                if (done && error != null) {
                    answer.put("error", error);
                    answer.put("cause", cause);
                }
            }
            case "GetExecutionHistory" -> {
                ArrayNode events = answer.putArray("events");
                for (int page = 0; page < Math.min(Math.max(1, looks.get()), pages.size()); page++) {
                    pages.get(page).forEach(events::add);
                }
            }
            case "ListExecutions" -> {
                ObjectNode execution = answer.putArray("executions").addObject();
                execution.put("executionArn", executionArn());
                execution.put("stateMachineArn", MACHINE);
                execution.put("name", executionName);
                execution.put("status", finalStatus);
                execution.put("startDate", 1.748952000123E9);
                execution.put("stopDate", 1.748952754456E9);
                looks.set(pages.size());
            }
            default -> throw new IllegalArgumentException("not replayed: " + operation);
        }
        return answer;
    }

    private static JsonNode describeJobs(JsonNode body) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode jobs = answer.putArray("jobs");
        for (JsonNode id : body.path("jobs")) {
            ObjectNode job = jobs.addObject();
            boolean failed = id.asText().endsWith("-1");
            job.put("jobArn", "arn:aws:batch:us-east-1:" + ACCOUNT + ":job/" + id.asText());
            job.put("jobName", id.asText().startsWith("c") ? "consolidate" : "resample-5d");
            job.put("jobId", id.asText());
            job.put("jobQueue", "arn:aws:batch:us-east-1:" + ACCOUNT + ":job-queue/barlake-staging-jobs");
            job.put("status", failed ? "FAILED" : "SUCCEEDED");
            job.put("statusReason", failed ? "Essential container in task exited" : "");
            job.put("createdAt", 1748952100000L);
            job.put("startedAt", 1748952160000L);
            job.put("stoppedAt", failed ? 1748952190000L : 1748952280000L);
            job.put("jobDefinition", "arn:aws:batch:us-east-1:" + ACCOUNT + ":job-definition/barlake-staging-consolidate:3");
            job.putObject("container").put("image", ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/barlake@sha256:0123")
                    .put("exitCode", failed ? 1 : 0).put("logStreamName", "barlake-staging-" + job.path("jobName").asText() + "/default/"
                            + id.asText());
            if (id.asText().startsWith("r")) { // the resample jobs log to the stack's own group, as the CDK app's definitions say
                ObjectNode logging = ((ObjectNode) job.get("container")).putObject("logConfiguration");
                logging.put("logDriver", "awslogs");
                logging.putObject("options").put("awslogs-group", "/barlake/barlake-staging/jobs").put("awslogs-stream-prefix", "resample");
            }
        }
        return answer;
    }

    private static String describeStacks() {
        return """
                <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <DescribeStacksResult>
                    <Stacks>
                      <member>
                        <StackName>Barlake-staging</StackName>
                        <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/Barlake-staging/6a4f2c10-c3a2-11ef-9a1b-0e1f2a3b4c5d</StackId>
                        <CreationTime>2026-11-20T09:12:44.118Z</CreationTime>
                        <StackStatus>UPDATE_COMPLETE</StackStatus>
                        <Outputs>
                          <member>
                            <OutputKey>BucketName</OutputKey>
                            <OutputValue>barlake-staging-lakebucketb1d32e10-1x2y3z4w5v6u</OutputValue>
                          </member>
                          <member>
                            <OutputKey>StateMachineArn</OutputKey>
                            <OutputValue>arn:aws:states:us-east-1:123456789012:stateMachine:barlake-staging-pipeline</OutputValue>
                          </member>
                        </Outputs>
                      </member>
                    </Stacks>
                  </DescribeStacksResult>
                  <ResponseMetadata>
                    <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>
                  </ResponseMetadata>
                </DescribeStacksResponse>""";
    }

    private static MockResponse json(String type, JsonNode body) {
        return new MockResponse().setHeader("Content-Type", type).setHeader("x-amzn-RequestId", "2f5e2a7a-1c3b-4f5d-8e9f-0a1b2c3d4e5f")
                .setBody(body.toString());
    }

    /** History events as GetExecutionHistory writes them, numbered from 1, each pointing at the one it follows. */
    static final class History {
        private final List<ObjectNode> events = new ArrayList<>();
        private double clock = 1.748952000123E9;

        /** Appends an event of {@code type} after event {@code previous} (0: none); its id. */
        long add(String type, long previous, String detailsField, ObjectNode details) {
            ObjectNode event = JSON.createObjectNode();
            clock += 1.5;
            event.put("timestamp", clock);
            event.put("type", type);
            event.put("id", events.size() + 1);
            event.put("previousEventId", previous);
            if (detailsField != null) {
                event.set(detailsField, details);
            }
            events.add(event);
            return events.size();
        }

        long entered(String type, String name, long previous) {
            return add(type + "StateEntered", previous, "stateEnteredEventDetails", JSON.createObjectNode().put("name", name).put("input", "{}"));
        }

        long exited(String type, String name, long previous, String output) {
            return add(type + "StateExited", previous, "stateExitedEventDetails", JSON.createObjectNode().put("name", name).put("output", output));
        }

        /** A task state that succeeds (after {@code failures} failed tries), submitting Batch jobs {@code jobs} when given. */
        long task(String name, long previous, String resourceType, int failures, String... jobs) {
            long at = entered("Task", name, previous);
            for (int attempt = 0; attempt <= failures; attempt++) {
                at = add("TaskScheduled", at, "taskScheduledEventDetails", JSON.createObjectNode().put("resourceType", resourceType)
                        .put("resource", resourceType.equals("batch") ? "submitJob.sync" : "invoke").put("region", "us-east-1")
                        .put("parameters", "{}"));
                at = add("TaskStarted", at, "taskStartedEventDetails", JSON.createObjectNode().put("resourceType", resourceType)
                        .put("resource", "x"));
                if (jobs.length > attempt) {
                    at = add("TaskSubmitted", at, "taskSubmittedEventDetails", JSON.createObjectNode().put("resourceType", resourceType)
                            .put("resource", "submitJob.sync").put("output", "{\"JobArn\":\"arn:aws:batch:us-east-1:123456789012:job/"
                                    + jobs[attempt] + "\",\"JobId\":\"" + jobs[attempt] + "\",\"JobName\":\"" + name.toLowerCase() + "\"}"));
                }
                if (attempt < failures) {
                    at = add("TaskFailed", at, "taskFailedEventDetails", JSON.createObjectNode().put("resourceType", resourceType)
                            .put("resource", "x").put("error", "States.TaskFailed").put("cause", "{\"Status\":\"FAILED\"}"));
                }
            }
            at = add("TaskSucceeded", at, "taskSucceededEventDetails", JSON.createObjectNode().put("resourceType", resourceType)
                    .put("resource", "x").put("output", "{}"));
            return exited("Task", name, at, "{}");
        }

        /** A task state whose only try fails with {@code error}; the execution goes on from its catcher. */
        long failedTask(String name, long previous, String error, String cause) {
            long at = entered("Task", name, previous);
            at = add("TaskScheduled", at, "taskScheduledEventDetails", JSON.createObjectNode().put("resourceType", "lambda")
                    .put("resource", "invoke").put("region", "us-east-1").put("parameters", "{}"));
            at = add("TaskStarted", at, "taskStartedEventDetails", JSON.createObjectNode().put("resourceType", "lambda").put("resource", "x"));
            at = add("TaskFailed", at, "taskFailedEventDetails", JSON.createObjectNode().put("resourceType", "lambda").put("resource", "x")
                    .put("error", error).put("cause", cause));
            return exited("Task", name, at, "{\"error\":\"" + error + "\"}");
        }

        /** The events added since the last page was taken. */
        List<ObjectNode> page() {
            List<ObjectNode> page = List.copyOf(events.subList(taken, events.size()));
            taken = events.size();
            return page;
        }

        private int taken;
    }
}
