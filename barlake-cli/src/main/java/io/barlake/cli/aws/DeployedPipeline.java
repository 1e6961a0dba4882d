package io.barlake.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.AwsClientSettings;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.signals.lambda.ExecutionHistoryReplay;
import io.barlake.statemachine.asl.ExecutionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The pipeline as the CDK app deployed it, driven from the command line: its state machine
 * started with the input {@code barlake run} and {@code backfill} give the local one, followed
 * through its history, and its recent executions with their Batch jobs. The only place the
 * command line holds Step Functions, Batch and CloudFormation clients; it answers in plain
 * records. Clients are configured as the lake's S3 client is ({@link AwsClientSettings}): region,
 * credentials, and {@code AWS_ENDPOINT_URL_SFN}, {@code _BATCH}, {@code _CLOUDFORMATION}.
 */
public final class DeployedPipeline implements AutoCloseable {
    /** The stack output that names the state machine (BarlakeStack). */
    public static final String STATE_MACHINE_OUTPUT = "StateMachineArn";
    public static final String STATE_MACHINE_SETTING = "BARLAKE_STATE_MACHINE_ARN";

    /** One execution: how it stands or ended; {@code stopped}, {@code error}, {@code cause} null while it runs. */
    public record Execution(String arn, String name, String status, Instant started, Instant stopped, String error, String cause) {
        public boolean succeeded() {
            return ExecutionStatus.SUCCEEDED.toString().equals(status);
        }
    }

    /** A Batch job an execution ran: the state that submitted it, the job's name, status and times, a link to its log. */
    public record Job(String state, String name, String status, Instant started, Instant stopped, String logLink) {}

    private final SfnClient sfn;
    private final BatchClient batch;
    private final Map<String, String> environment;
    private final Region region;

    public DeployedPipeline(Map<String, String> environment) {
        this.environment = environment;
        this.region = AwsClientSettings.region(environment);
        var sfnBuilder = SfnClient.builder().region(region);
        AwsClientSettings.apply(sfnBuilder, environment, "AWS_ENDPOINT_URL_SFN");
        this.sfn = sfnBuilder.build();
        var batchBuilder = BatchClient.builder().region(region);
        AwsClientSettings.apply(batchBuilder, environment, "AWS_ENDPOINT_URL_BATCH");
        this.batch = batchBuilder.build();
    }

    /**
     * The state machine: {@code flag} (--state-machine), else {@value #STATE_MACHINE_SETTING}, else
     * the {@value #STATE_MACHINE_OUTPUT} output of {@code stack}.
     *
     * @throws InvalidSettingException when the stack cannot be read or has no such output
     */
    public String stateMachine(String flag, String stack) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        String set = environment.get(STATE_MACHINE_SETTING);
        if (set != null && !set.isBlank()) {
            return set.strip();
        }
        return stackOutput(environment, stack, STATE_MACHINE_OUTPUT, "--state-machine ARN", STATE_MACHINE_SETTING);
    }

    /**
     * The value of output {@code key} of {@code stack}, read with CloudFormation; the error names
     * {@code insteadFlag} and {@code insteadSetting}, which give the value directly.
     * @throws InvalidSettingException when the stack cannot be read or has no such output
     */
    public static String stackOutput(Map<String, String> environment, String stack, String key, String insteadFlag,
            String insteadSetting) {
        var builder = CloudFormationClient.builder().region(AwsClientSettings.region(environment));
        AwsClientSettings.apply(builder, environment, "AWS_ENDPOINT_URL_CLOUDFORMATION");
        try (CloudFormationClient cloudFormation = builder.build()) {
            List<Output> outputs = cloudFormation.describeStacks(request -> request.stackName(stack)).stacks().get(0).outputs();
            return outputs.stream().filter(output -> output.outputKey().equals(key)).map(Output::outputValue)
                    .findFirst().orElseThrow(() -> new InvalidSettingException("--stack", stack, "the stack has no "
                            + key + " output; is it a Barlake stack?"));
        } catch (SdkException e) {
            throw new InvalidSettingException("--stack", stack, "cannot read the stack's outputs (" + firstLine(e.getMessage())
                    + "); give " + insteadFlag + " or set " + insteadSetting);
        }
    }

    /** Starts an execution named {@code name} with {@code input} (JSON); its ARN. */
    public String start(String stateMachine, String name, String input) {
        try {
            return sfn.startExecution(request -> request.stateMachineArn(stateMachine).name(name).input(input)).executionArn();
        } catch (SdkException e) {
            throw new InvalidSettingException("--state-machine", stateMachine, "cannot start an execution: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Follows an execution to its end, telling {@code listener} each state entered, left, failed or
     * retried as its history shows them, looking every {@code poll}; the execution as it ended.
     */
    public Execution follow(String execution, ExecutionListener listener, Duration poll) throws InterruptedException {
        ExecutionHistoryReplay replay = new ExecutionHistoryReplay(new ToListener(listener));
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(request -> request.executionArn(execution));
            replay.tell(history(execution));
            if (described.status() != ExecutionStatus.RUNNING) {
                replay.finish();
                return new Execution(described.executionArn(), described.name(), described.statusAsString(), described.startDate(),
                        described.stopDate(), described.error(), described.cause());
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** The most recent executions, newest first. */
    public List<Execution> recent(String stateMachine, int limit) {
        return sfn.listExecutions(request -> request.stateMachineArn(stateMachine).maxResults(limit)).executions().stream()
                .map(item -> new Execution(item.executionArn(), item.name(), item.statusAsString(), item.startDate(), item.stopDate(),
                        null, null))
                .toList();
    }

    /** The Batch jobs an execution submitted, in the order submitted (a retried job once per try). */
    public List<Job> jobs(String execution) {
        Map<Long, String> stateOf = new LinkedHashMap<>();
        Map<String, String> stateOfJob = new LinkedHashMap<>();
        for (HistoryEvent event : history(execution)) {
            if (event.stateEnteredEventDetails() != null) {
                stateOf.put(event.id(), event.stateEnteredEventDetails().name());
                continue;
            }
            String state = event.previousEventId() == null ? null : stateOf.get(event.previousEventId());
            if (state != null) {
                stateOf.put(event.id(), state);
            }
            if (event.taskSubmittedEventDetails() != null && "batch".equals(event.taskSubmittedEventDetails().resourceType())) {
                jobId(event.taskSubmittedEventDetails().output()).ifPresent(id -> stateOfJob.put(id, state));
            }
        }
        if (stateOfJob.isEmpty()) {
            return List.of();
        }
        Map<String, JobDetail> described = new LinkedHashMap<>();
        batch.describeJobs(request -> request.jobs(List.copyOf(stateOfJob.keySet()))).jobs()
                .forEach(job -> described.put(job.jobId(), job));
        List<Job> jobs = new ArrayList<>();
        stateOfJob.forEach((id, state) -> Optional.ofNullable(described.get(id)).ifPresent(job -> jobs.add(new Job(state, job.jobName(),
                job.statusAsString(), job.startedAt() == null ? null : Instant.ofEpochMilli(job.startedAt()),
                job.stoppedAt() == null ? null : Instant.ofEpochMilli(job.stoppedAt()), logLink(job)))));
        return jobs;
    }

    private List<HistoryEvent> history(String execution) {
        return ExecutionHistoryReplay.history(sfn, execution);
    }

    /**
     * The CloudWatch console page of a job's log stream, in the group its definition names (the
     * stack's jobs group) or Batch's default one; null when it has no stream yet.
     */
    private String logLink(JobDetail job) {
        String stream = job.container() == null ? null : job.container().logStreamName();
        if (stream == null) {
            return null;
        }
        String group = job.container().logConfiguration() == null ? null
                : job.container().logConfiguration().options().get("awslogs-group");
        return "https://" + region.id() + ".console.aws.amazon.com/cloudwatch/home?region=" + region.id()
                + "#logsV2:log-groups/log-group/" + (group == null ? "/aws/batch/job" : group).replace("/", "$252F") + "/log-events/"
                + stream.replace("/", "$252F");
    }

    private static Optional<String> jobId(String output) {
        try {
            JsonNode node = LakeJson.mapper().readTree(output);
            String id = node.path("JobId").asText("");
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // not SubmitJob's answer: no job to show
        }
    }

    /** History events told to a local listener: the progress of {@code barlake run} drawn for a deployed run. */
    private record ToListener(ExecutionListener listener) implements io.barlake.lake.state.StageEvents {
        @Override
        public void entered(String state, String type, Instant at) {
            listener.stateEntered(state, type);
        }

        @Override
        public void succeeded(String state, String type, String output, Instant at) {
            JsonNode json;
            try {
                json = output == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : LakeJson.mapper().readTree(output);
            } catch (java.io.IOException e) {
                json = com.fasterxml.jackson.databind.node.NullNode.getInstance(); // an output the history clipped: nothing to show
            }
            listener.stateSucceeded(state, type, json);
        }

        @Override
        public void failed(String state, String type, String error, String cause, Instant at) {
            listener.stateFailed(state, type, new io.barlake.statemachine.asl.StatesError(error, cause));
        }

        @Override
        public void retrying(String state, String error, String cause, int attempt, Instant at) {
            listener.retrying(state, new io.barlake.statemachine.asl.StatesError(error, cause), attempt, Duration.ZERO);
        }
    }

    /** The first line of a message. */
    public static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        sfn.close();
        batch.close();
    }
}
