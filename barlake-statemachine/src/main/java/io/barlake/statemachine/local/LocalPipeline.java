package io.barlake.statemachine.local;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.consolidator.batch.ConsolidatorMain;
import io.barlake.fetchers.bronze.FetchSettings;
import io.barlake.fetchers.bronze.ProgressListener;
import io.barlake.fetchers.bronze.ReferenceFetcher;
import io.barlake.fetchers.bronze.SessionOutcome;
import io.barlake.fetchers.lambda.FetchBarsHandler;
import io.barlake.fetchers.lambda.FetchReferenceHandler;
import io.barlake.fetchers.lambda.FetcherEnvironment;
import io.barlake.fetchers.source.MarketDataSource;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.QualityReport;
import io.barlake.lake.state.RunReport.StageReport;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.resampler.batch.ResamplerMain;
import io.barlake.signals.alerts.SnsAlertPublisher;
import io.barlake.signals.alerts.WebhookPolicy;
import io.barlake.signals.lambda.ScanHandler;
import io.barlake.signals.brief.MorningEmail;
import io.barlake.signals.market.MarketSettings;
import io.barlake.statemachine.PipelineDefinition;
import io.barlake.statemachine.Placeholder;
import io.barlake.statemachine.asl.ExecutionListener;
import io.barlake.statemachine.asl.ExecutionResult;
import io.barlake.statemachine.asl.StateMachineExecutor;
import io.barlake.statemachine.asl.StatesError;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline on this machine: {@code pipeline.asl.json} rendered with local ARNs, each bound to
 * the in-process task that Lambda or Batch runs on AWS (the same handler classes and job mains),
 * executed by {@link StateMachineExecutor}. Each run leaves a report under {@code _runs/}.
 */
public final class LocalPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);
    /** The state machine's id in the local engine. */
    public static final String STATE_MACHINE_ID = "arn:aws:states:local:000000000000:stateMachine:barlake-pipeline";

    private final ObjectStore store;
    private final Clock clock;
    private final double retryTimeScale;
    private final Map<Placeholder, String> arns;
    private final LocalTasks tasks;
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    /** Hears the bars fetch of the run in progress (a progress bar); the handler is bound once, the listener per run. */
    private volatile ProgressListener fetchProgress = ProgressListener.NONE;

    /**
     * @param environment    the settings the Batch jobs read ({@code BARLAKE_LAKE}, …)
     * @param store          the lake, for the fetchers, the scan and the run report
     * @param source         the market-data source of the fetchers
     * @param retryTimeScale multiplies every retry wait (1 for real runs; tests make waits short)
     * @param publisher      where failure messages go besides the run report
     */
    public LocalPipeline(Map<String, String> environment, ObjectStore store, MarketDataSource source, Clock clock,
            double retryTimeScale, LocalTasks.AlertPublisher publisher) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.retryTimeScale = retryTimeScale;
        this.arns = localArns(environment);
        LocalTasks.AlertPublisher recording = (topic, subject, message) -> {
            if (!alerts.contains(message)) {
                alerts.add(message); // once, however many times NotifyFailure retries
            }
            publisher.publish(topic, subject, message);
        };
        FetcherEnvironment fetchers = new FetcherEnvironment(store, source, TradingCalendar.nyse(), clock,
                ReferenceFetcher.followedTickers(environment));
        this.tasks = new LocalTasks(environment, clock, recording)
                .function(arns.get(Placeholder.FetchBarsFunctionArn), new FetchBarsHandler(fetchers, FetchSettings.defaults(),
                        new ProgressListener() {
                            @Override
                            public void planned(int total, int alreadyDone) {
                                fetchProgress.planned(total, alreadyDone);
                            }

                            @Override
                            public void session(LocalDate session, SessionOutcome outcome) {
                                fetchProgress.session(session, outcome);
                            }
                        }))
                .function(arns.get(Placeholder.FetchReferenceFunctionArn), new FetchReferenceHandler(fetchers))
                .function(arns.get(Placeholder.ScanFunctionArn), new ScanHandler(store, clock,
                        WebhookPolicy.fromEnvironment(environment, WebhookPolicy.SYSTEM), MarketSettings.fromEnvironment(environment),
                        MorningEmail.fromEnvironment(environment)))
                .job(arns.get(Placeholder.ConsolidateJobDefinitionArn), ConsolidatorMain::consolidate)
                .job(arns.get(Placeholder.ResampleJobDefinitionArn), ResamplerMain::resample);
    }

    /** The local ARN of every placeholder; the alert topic is {@code BARLAKE_ALERT_TOPIC_ARN} when set. */
    public static Map<Placeholder, String> localArns(Map<String, String> environment) {
        Map<Placeholder, String> arns = new EnumMap<>(Placeholder.class);
        arns.put(Placeholder.FetchBarsFunctionArn, "arn:aws:lambda:local:000000000000:function:barlake-fetch-bars");
        arns.put(Placeholder.FetchReferenceFunctionArn, "arn:aws:lambda:local:000000000000:function:barlake-fetch-reference");
        arns.put(Placeholder.ScanFunctionArn, "arn:aws:lambda:local:000000000000:function:barlake-scan");
        arns.put(Placeholder.JobQueueArn, "arn:aws:batch:local:000000000000:job-queue/barlake");
        arns.put(Placeholder.ConsolidateJobDefinitionArn, "arn:aws:batch:local:000000000000:job-definition/barlake-consolidate");
        arns.put(Placeholder.ResampleJobDefinitionArn, "arn:aws:batch:local:000000000000:job-definition/barlake-resample");
        String topic = environment.get(SnsAlertPublisher.TOPIC_SETTING);
        arns.put(Placeholder.AlertTopicArn, topic == null || topic.isBlank()
                ? "arn:aws:sns:local:000000000000:barlake-alerts" : topic.strip());
        return arns;
    }

    /** The bindings, for tests that replace one task (a failing fetcher, a broken consolidator). */
    public LocalTasks tasks() {
        return tasks;
    }

    public Map<Placeholder, String> arns() {
        return Map.copyOf(arns);
    }

    /**
     * What a run did.
     *
     * @param report         the run report, as saved under {@code _runs/}
     * @param result         how the execution ended
     * @param alert          the failure message sent, or {@code null}
     * @param objectsWritten objects created or rewritten in the lake (run reports aside)
     */
    public record Outcome(RunReport report, ExecutionResult result, String alert, int objectsWritten) {}

    /** Runs the definition once with {@code input}, as execution {@code runId}; the report says what {@code command} was. */
    public Outcome run(String runId, String command, JsonNode input, ExecutionListener listener) {
        return run(runId, command, input, listener, ProgressListener.NONE);
    }

    /** As {@link #run(String, String, JsonNode, ExecutionListener)}, with {@code fetchProgress} hearing each session fetched. */
    public Outcome run(String runId, String command, JsonNode input, ExecutionListener listener, ProgressListener fetchProgress) {
        this.fetchProgress = requireNonNull(fetchProgress, "fetchProgress is null");
        try {
            return execute(runId, command, input, listener);
        } finally {
            this.fetchProgress = ProgressListener.NONE;
        }
    }

    private Outcome execute(String runId, String command, JsonNode input, ExecutionListener listener) {
        Map<String, ObjectInfo> before = snapshot();
        Instant started = clock.instant();
        StageRecorder stages = new StageRecorder(listener);
        StateMachineExecutor executor = new StateMachineExecutor(PipelineDefinition.parse(PipelineDefinition.render(arns)),
                STATE_MACHINE_ID, tasks, retryTimeScale, duration -> Thread.sleep(duration.toMillis(),
                (int) (duration.toNanos() % 1_000_000)), new SecureRandom(), clock);
        alerts.clear();
        ExecutionResult result = executor.execute(runId, input, stages);
        Map<String, ObjectInfo> after = snapshot();
        int written = 0;
        for (Map.Entry<String, ObjectInfo> object : after.entrySet()) {
            ObjectInfo old = before.get(object.getKey());
            if (old == null || old.size() != object.getValue().size()
                    || !old.lastModified().equals(object.getValue().lastModified())) {
                written++;
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("objects_written", (long) written);
        qualityCounts(before, after).forEach(counts::put);
        if (result.succeeded()) {
            JsonNode bars = result.output().path("fetch").path("bars");
            counts.put("sessions_fetched", bars.path("sessions").asLong());
            counts.put("records_fetched", bars.path("records").asLong());
            counts.put("signals", result.output().path("scan").path("picks").asLong());
        }
        String alert = alerts.isEmpty() ? null : alerts.get(0);
        RunReport report = new RunReport(runId, command, result.succeeded() ? RunReport.Status.SUCCEEDED : RunReport.Status.FAILED,
                started, clock.instant(), stages.reports(), counts,
                result.succeeded() ? null : (alert != null ? alert : result.error() + ": " + result.cause()));
        new StateStore(store, clock).saveRunReport(report);
        return new Outcome(report, result, alert, written);
    }

    /**
     * The quality gate's findings over the verdicts this run wrote, by kind ({@code quality_missing},
     * …), and the sessions it held ({@code quality_held}).
     */
    private Map<String, Long> qualityCounts(Map<String, ObjectInfo> before, Map<String, ObjectInfo> after) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectInfo> object : after.entrySet()) {
            if (!object.getKey().startsWith(LakeLayout.SILVER_QUALITY) || object.getValue().equals(before.get(object.getKey()))) {
                continue;
            }
            try {
                QualityReport report = LakeJson.mapper().readValue(store.get(object.getKey()).orElseThrow(), QualityReport.class);
                counts.merge("quality_held", report.held() ? 1L : 0L, Long::sum);
                report.counts().forEach((kind, count) -> counts.merge("quality_" + kind, (long) count, Long::sum));
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("{} could not be read for the run report ({})", object.getKey(), e.getClass().getSimpleName());
            }
        }
        return counts;
    }

    private Map<String, ObjectInfo> snapshot() {
        Map<String, ObjectInfo> objects = new HashMap<>();
        for (ObjectInfo info : store.list("")) {
            if (!info.key().startsWith(LakeLayout.RUNS)) {
                objects.put(info.key(), info);
            }
        }
        return objects;
    }

    /** Stage reports (Task and Parallel states) with their attempts, passing every event on. */
    private final class StageRecorder implements ExecutionListener {
        private final ExecutionListener next;
        private final Map<String, Stage> stages = new LinkedHashMap<>();

        private final class Stage {
            Instant started;
            Instant finished;
            int attempts;
            RunReport.Status status = RunReport.Status.RUNNING;
            String error;
        }

        StageRecorder(ExecutionListener next) {
            this.next = next;
        }

        @Override
        public synchronized void stateEntered(String state, String type) {
            if (type.equals("Task") || type.equals("Parallel")) {
                Stage stage = stages.computeIfAbsent(state, s -> new Stage());
                if (stage.started == null) {
                    // Entered again (the FetchBars chunk loop) is not another attempt: only retries are.
                    stage.started = clock.instant();
                    stage.attempts = 1;
                }
            }
            next.stateEntered(state, type);
        }

        @Override
        public synchronized void stateSucceeded(String state, String type, JsonNode output) {
            Stage stage = stages.get(state);
            if (stage != null) {
                stage.finished = clock.instant();
                stage.status = RunReport.Status.SUCCEEDED;
                stage.error = null;
            }
            next.stateSucceeded(state, type, output);
        }

        @Override
        public synchronized void stateFailed(String state, String type, StatesError error) {
            Stage stage = stages.get(state);
            if (stage != null) {
                stage.finished = clock.instant();
                stage.status = RunReport.Status.FAILED;
                stage.error = error.error() + ": " + firstLine(error.cause());
            }
            next.stateFailed(state, type, error);
        }

        @Override
        public synchronized void retrying(String state, StatesError error, int attempt, Duration wait) {
            Stage stage = stages.get(state);
            if (stage != null) {
                stage.attempts++;
            }
            next.retrying(state, error, attempt, wait);
        }

        synchronized List<StageReport> reports() {
            List<StageReport> reports = new ArrayList<>();
            stages.forEach((name, stage) -> reports.add(new StageReport(name, stage.status, stage.started, stage.finished,
                    stage.attempts, Map.of(), stage.error)));
            return reports;
        }

        private String firstLine(String text) {
            return Objects.requireNonNullElse(text, "").lines().findFirst().orElse("");
        }
    }
}
