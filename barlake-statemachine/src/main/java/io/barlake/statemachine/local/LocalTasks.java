package io.barlake.statemachine.local;

import static java.util.Objects.requireNonNull;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.batch.BatchJob;
import io.barlake.lake.state.LakeJson;
import io.barlake.signals.alerts.SnsAlertPublisher;
import io.barlake.statemachine.asl.StatesError;
import io.barlake.statemachine.asl.TaskHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three service integrations of the pipeline, in this process: {@code lambda:invoke} calls a
 * bound {@link RequestStreamHandler} with the payload's bytes, as Lambda would, and turns an
 * exception into the error Lambda reports (its class name); {@code batch:submitJob.sync} runs a
 * bound {@link BatchJob.Work} through {@link BatchJob#run} with the container's environment
 * overrides and the job definitions' retry strategy (up to {@link BatchJob#ATTEMPTS} attempts, none
 * after an exit that can only repeat), a final non-zero exit being {@code States.TaskFailed};
 * {@code sns:publish} hands the
 * message to an {@link AlertPublisher}.
 */
public final class LocalTasks implements TaskHandler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalTasks.class);
    /** Sends the failure message; locally to the log and run report, to SNS when a topic is configured. */
    @FunctionalInterface
    public interface AlertPublisher {
        void publish(String topicArn, String subject, String message);
    }

    private final Map<String, RequestStreamHandler> functions = new HashMap<>();
    private final Map<String, BatchJob.Work> jobs = new HashMap<>();
    private final Map<String, String> environment;
    private final Clock clock;
    private final AlertPublisher alerts;
    private final Map<String, String> summaries = new ConcurrentHashMap<>();
    private final AtomicInteger jobIds = new AtomicInteger();

    public LocalTasks(Map<String, String> environment, Clock clock, AlertPublisher alerts) {
        this.environment = Map.copyOf(environment);
        this.clock = requireNonNull(clock, "clock is null");
        this.alerts = requireNonNull(alerts, "alerts is null");
    }

    /** Binds a function ARN to a handler. */
    public LocalTasks function(String arn, RequestStreamHandler handler) {
        functions.put(arn, handler);
        return this;
    }

    /** The handler bound to a function ARN, or null. */
    public RequestStreamHandler function(String arn) {
        return functions.get(arn);
    }

    /** Binds a job definition ARN to a Batch job's work. */
    public LocalTasks job(String arn, BatchJob.Work work) {
        jobs.put(arn, work);
        return this;
    }

    /** Each finished Batch job's one-line summary, by job name. */
    public Map<String, String> jobSummaries() {
        return Map.copyOf(summaries);
    }

    @Override
    public JsonNode invoke(String resource, JsonNode parameters, TaskContext context) {
        return switch (resource) {
            case "arn:aws:states:::lambda:invoke" -> invokeFunction(parameters);
            case "arn:aws:states:::batch:submitJob.sync" -> submitJob(parameters);
            case "arn:aws:states:::sns:publish" -> publish(parameters);
            default -> throw new StatesError(StatesError.RUNTIME, "No local binding for the resource " + resource);
        };
    }

    private JsonNode invokeFunction(JsonNode parameters) {
        String name = parameters.path("FunctionName").asText();
        RequestStreamHandler handler = functions.get(name);
        if (handler == null) {
            throw new StatesError("Lambda.ResourceNotFoundException", "Function not found: " + name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            byte[] payload = LakeJson.mapper().writeValueAsBytes(parameters.path("Payload"));
            handler.handleRequest(new ByteArrayInputStream(payload), out, null);
            ObjectNode result = LakeJson.mapper().createObjectNode();
            result.put("StatusCode", 200);
            result.put("ExecutedVersion", "$LATEST");
            result.set("Payload", LakeJson.mapper().readTree(out.toByteArray()));
            return result;
        } catch (IOException | RuntimeException e) {
            if ("1".equals(environment.get(BatchJob.DEBUG_SETTING))) {
                LOG.error("{} failed", name, e);
            }
            // What the Java runtime reports: the exception's class name is the error Step Functions matches.
            ObjectNode cause = LakeJson.mapper().createObjectNode();
            cause.put("errorMessage", String.valueOf(e.getMessage()));
            cause.put("errorType", e.getClass().getName());
            throw new StatesError(e.getClass().getName(), cause.toString());
        }
    }

    private JsonNode submitJob(JsonNode parameters) {
        String definition = parameters.path("JobDefinition").asText();
        BatchJob.Work work = jobs.get(definition);
        if (work == null) {
            throw new StatesError("Batch.ClientException", "Job definition not found: " + definition);
        }
        String jobName = parameters.path("JobName").asText();
        Map<String, String> jobEnvironment = new HashMap<>(environment);
        parameters.path("ContainerOverrides").path("Environment")
                .forEach(variable -> jobEnvironment.put(variable.path("Name").asText(), variable.path("Value").asText()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        String[] summary = new String[1];
        BatchJob.Work recorded = (store, env, jobClock) -> {
            summary[0] = work.run(store, env, jobClock);
            return summary[0];
        };
        // The job definition's retry strategy, as Batch applies it: another attempt at once, unless
        // the job said (exit 2 or 3) that it can only fail again.
        int exitCode = 0;
        for (int attempt = 1; attempt <= BatchJob.ATTEMPTS; attempt++) {
            errors.reset();
            try (PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8)) {
                exitCode = BatchJob.run(jobName, recorded, jobEnvironment, clock, err, false);
            }
            if (!BatchJob.retryable(exitCode)) {
                break;
            }
        }
        String jobId = "local-" + jobIds.incrementAndGet();
        ObjectNode result = LakeJson.mapper().createObjectNode();
        result.put("JobId", jobId);
        result.put("JobName", jobName);
        result.put("JobDefinition", definition);
        if (exitCode == 0) {
            summaries.put(jobName, summary[0]);
            result.put("Status", "SUCCEEDED");
            result.put("StatusReason", summary[0]);
            result.putObject("Container").put("ExitCode", 0);
            return result;
        }
        result.put("Status", "FAILED");
        result.put("StatusReason", "Essential container in task exited");
        ObjectNode container = result.putObject("Container");
        container.put("ExitCode", exitCode);
        container.put("Reason", errors.toString(StandardCharsets.UTF_8).strip());
        throw new StatesError(StatesError.TASK_FAILED, result.toString());
    }

    private JsonNode publish(JsonNode parameters) {
        try {
            alerts.publish(parameters.path("TopicArn").asText(), parameters.path("Subject").asText(),
                    parameters.path("Message").asText());
        } catch (SnsAlertPublisher.SnsPublishException e) {
            throw new StatesError(e.error(), String.valueOf(e.getMessage()));
        }
        ObjectNode result = LakeJson.mapper().createObjectNode();
        result.put("MessageId", "local-" + clock.millis());
        return result;
    }
}
