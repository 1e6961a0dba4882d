package io.barlake.lake.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run report of a deployed execution, written by the state machine's last task on either path
 * with the content a local run's report has: the command its input asks for, its outcome, its
 * stages (from the execution's history, {@link StageTimeline}), the objects it wrote (those
 * modified since it started), the quality gate's findings in them, the figures of its final state,
 * and on failure the alert it sent. Saved as {@code _runs/<execution name>.json}, so {@code barlake
 * status}, {@code /v1/status} and the dashboard list deployed runs beside local ones.
 */
public final class DeployedRunReport {
    private DeployedRunReport() {}

    /** What the execution was: its name, input, start, stages, final state, and the alert when it failed. */
    public record Execution(String name, JsonNode input, Instant started, List<RunReport.StageReport> stages, JsonNode state,
            boolean succeeded, String alert) {}

    /** Builds and saves the report; the report saved. */
    public static RunReport save(ObjectStore store, Clock clock, Execution execution) {
        List<ObjectInfo> written = RunCounts.writtenSince(store, execution.started());
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("objects_written", (long) written.size());
        counts.putAll(RunCounts.quality(store, written.stream().map(ObjectInfo::key)
                .filter(key -> key.startsWith(LakeLayout.SILVER_QUALITY)).toList()));
        if (execution.succeeded()) {
            counts.putAll(RunCounts.fromOutput(execution.state()));
        }
        RunReport report = new RunReport(runId(execution.name()), command(execution.input()),
                execution.succeeded() ? RunReport.Status.SUCCEEDED : RunReport.Status.FAILED, execution.started(), clock.instant(),
                execution.stages(), counts, execution.succeeded() ? null : execution.alert());
        new StateStore(store, clock).saveRunReport(report);
        return report;
    }

    /** The command a local run of the same input is: {@code run}, {@code run --date D}, {@code backfill --from F --to T}. */
    public static String command(JsonNode input) {
        if ("backfill".equals(input.path("mode").asText())) {
            return "backfill --from " + input.path("from").asText() + " --to " + input.path("to").asText();
        }
        return input.hasNonNull("date") ? "run --date " + input.path("date").asText() : "run";
    }

    /** An execution's name as a run id: lower case, anything but letters, digits, '.', '_' and '-' made '-'. */
    public static String runId(String executionName) {
        return executionName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }
}
