package io.barlake.lake.state;

import io.barlake.lake.state.RunReport.StageReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's stages as its run report lists them, from the state machine's events in order: each
 * Task and Parallel state with when it started and ended, how it ended and how many times it was
 * tried. The local executor tells it as the states run; a deployed run's report is told from the
 * execution's history, with the events' own times. Entered again (the bars fetch's chunk loop) is
 * not another attempt: only a retry is. The states that write the report itself are not stages.
 */
public final class StageTimeline implements StageEvents {
    /** The definition's final tasks that write the run report: the report does not list itself. */
    public static final Set<String> REPORTING_STATES = Set.of("ReportRun", "ReportFailedRun");

    private static final class Stage {
        Instant started;
        Instant finished;
        int attempts;
        RunReport.Status status = RunReport.Status.RUNNING;
        String error;
    }

    private final Map<String, Stage> stages = new LinkedHashMap<>();

    /** Whether a state of this type and name is a stage of the report. */
    public static boolean isStage(String state, String type) {
        return (type.equals("Task") || type.equals("Parallel")) && !REPORTING_STATES.contains(state);
    }

    @Override
    public synchronized void entered(String state, String type, Instant at) {
        if (isStage(state, type)) {
            Stage stage = stages.computeIfAbsent(state, s -> new Stage());
            if (stage.started == null) {
                stage.started = at;
                stage.attempts = 1;
            }
        }
    }

    public synchronized void succeeded(String state, Instant at) {
        Stage stage = stages.get(state);
        if (stage != null) {
            stage.finished = at;
            stage.status = RunReport.Status.SUCCEEDED;
            stage.error = null;
        }
    }

    /** {@code error}: the error name and the first line of its cause, as the report shows it. */
    public synchronized void failed(String state, String error, Instant at) {
        Stage stage = stages.get(state);
        if (stage != null) {
            stage.finished = at;
            stage.status = RunReport.Status.FAILED;
            stage.error = error;
        }
    }

    public synchronized void retried(String state) {
        Stage stage = stages.get(state);
        if (stage != null) {
            stage.attempts++;
        }
    }

    @Override
    public void succeeded(String state, String type, String output, Instant at) {
        succeeded(state, at);
    }

    @Override
    public void failed(String state, String type, String error, String cause, Instant at) {
        failed(state, describe(error, cause), at);
    }

    @Override
    public void retrying(String state, String error, String cause, int attempt, Instant at) {
        retried(state);
    }

    /** The stages so far, in the order they started. */
    public synchronized List<StageReport> reports() {
        List<StageReport> reports = new ArrayList<>();
        stages.forEach((name, stage) -> reports.add(new StageReport(name, stage.status, stage.started, stage.finished,
                stage.attempts, Map.of(), stage.error)));
        return reports;
    }

    /** {@code error: first line of cause}, the way a stage's failure is written. */
    public static String describe(String error, String cause) {
        return error + ": " + (cause == null ? "" : cause.lines().findFirst().orElse(""));
    }
}
