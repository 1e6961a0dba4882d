package io.barlake.lake.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.state.LakeJson;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * A Batch job's figures as one JSON line on standard output, for CloudWatch: the stack's metric
 * filters read {@code {"barlake_metrics": "<job>", "run_id": …, "<name>": <count>, …}} from the
 * jobs' log group and turn each field into a metric (records received, accepted, refused, sessions
 * held, objects written), on which the rejection-rate and held-session alarms sit. A filter rather
 * than the embedded metric format: CloudWatch extracts that format from Lambda logs, not from a
 * Fargate task's awslogs stream.
 */
public final class JobMetrics {
    /** The field that marks a metrics line and names the job. */
    public static final String FIELD = "barlake_metrics";

    private JobMetrics() {}

    /** The line for {@code job} of run {@code runId} (may be null) with {@code counts}, in their order. */
    public static String line(String job, String runId, Map<String, Long> counts) {
        ObjectNode line = LakeJson.mapper().createObjectNode();
        line.put(FIELD, job);
        if (runId != null) {
            line.put("run_id", runId);
        }
        counts.forEach(line::put);
        try {
            return LakeJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a metrics line of names and counts is always JSON", e);
        }
    }

    /** The setting that names the CloudWatch namespace of a Lambda function's metrics; unset (locally), none are printed. */
    public static final String NAMESPACE_SETTING = "BARLAKE_METRICS_NAMESPACE";

    /**
     * A Lambda function's figures in CloudWatch's embedded metric format, which Lambda's log
     * delivery turns into metrics: one JSON line with the {@code _aws} block naming
     * {@code namespace} and each count (no dimensions: each name is one metric), then the counts.
     * Written by hand: the format is one documented JSON shape, and the Lambda jars sit near their
     * size limit.
     */
    public static String embedded(String namespace, Instant at, Map<String, Long> counts) {
        ObjectNode line = LakeJson.mapper().createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        directive.putArray("Dimensions").addArray();
        var metrics = directive.putArray("Metrics");
        counts.forEach((name, count) -> {
            metrics.addObject().put("Name", name).put("Unit", "Count");
            line.put(name, count);
        });
        try {
            return LakeJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an embedded metrics line of names and counts is always JSON", e);
        }
    }

    /** Prints the embedded metrics line on standard output when {@value #NAMESPACE_SETTING} is set. */
    public static void emit(Map<String, String> environment, Instant at, Map<String, Long> counts) {
        String namespace = environment.get(NAMESPACE_SETTING);
        if (namespace != null && !namespace.isBlank()) {
            System.out.println(embedded(namespace.strip(), at, counts));
            System.out.flush();
        }
    }

    /** Prints the line on {@code out}, flushed: a job about to fail still reports what it saw. */
    public static void print(PrintStream out, String job, Map<String, String> environment, Map<String, Long> counts) {
        out.println(line(job, environment.get("BARLAKE_RUN_ID"), counts));
        out.flush();
    }
}
