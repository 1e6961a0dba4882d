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
import io.barlake.lake.state.RunReport.StageReport;
import io.barlake.lake.state.RunCounts;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.StageTimeline;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pipeline on this machine: {@code pipeline.asl.json} rendered with local ARNs, each bound to
 * the in-process task that Lambda or Batch runs on AWS (the same handler classes and job mains),
 * executed by {@link StateMachineExecutor}. Each run leaves a report under {@code _runs/}.
 */
public final class LocalPipeline {
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
                // The local runner writes the run report itself once the execution ends, from the same stage events.
                .function(arns.get(Placeholder.ReportRunFunctionArn), (input, output, context) -> output.write("{}".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)))
                .job(arns.get(Placeholder.ConsolidateJobDefinitionArn), ConsolidatorMain::consolidate)
                .job(arns.get(Placeholder.ResampleJobDefinitionArn), ResamplerMain::resample);
    }

    /** The local ARN of every placeholder; the alert topic is {@code BARLAKE_ALERT_TOPIC_ARN} when set. */
    public static Map<Placeholder, String> localArns(Map<String, String> environment) {
        Map<Placeholder, String> arns = new EnumMap<>(Placeholder.class);
        arns.put(Placeholder.FetchBarsFunctionArn, "arn:aws:lambda:local:000000000000:function:barlake-fetch-bars");
        arns.put(Placeholder.FetchReferenceFunctionArn, "arn:aws:lambda:local:000000000000:function:barlake-fetch-reference");
        arns.put(Placeholder.ScanFunctionArn, "arn:aws:lambda:local:000000000000:function:barlake-scan");
        arns.put(Placeholder.ReportRunFunctionArn, "arn:aws:lambda:local:000000000000:function:barlake-report-run");
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
        counts.putAll(RunCounts.quality(store, after.entrySet().stream()
                .filter(object -> object.getKey().startsWith(LakeLayout.SILVER_QUALITY) && !object.getValue().equals(before.get(object.getKey())))
                .map(Map.Entry::getKey).sorted().toList()));
        if (result.succeeded()) {
            counts.putAll(RunCounts.fromOutput(result.output()));
        }
        String alert = alerts.isEmpty() ? null : alerts.get(0);
        RunReport report = new RunReport(runId, command, result.succeeded() ? RunReport.Status.SUCCEEDED : RunReport.Status.FAILED,
                started, clock.instant(), stages.reports(), counts,
                result.succeeded() ? null : (alert != null ? alert : result.error() + ": " + result.cause()));
        new StateStore(store, clock).saveRunReport(report);
        return new Outcome(report, result, alert, written);
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

    /** Stage reports (Task and Parallel states) with their attempts, as {@link StageTimeline} keeps them, passing every event on. */
    private final class StageRecorder implements ExecutionListener {
        private final ExecutionListener next;
        private final StageTimeline timeline = new StageTimeline();

        StageRecorder(ExecutionListener next) {
            this.next = next;
        }

        @Override
        public void stateEntered(String state, String type) {
            timeline.entered(state, type, clock.instant());
            next.stateEntered(state, type);
        }

        @Override
        public void stateSucceeded(String state, String type, JsonNode output) {
            timeline.succeeded(state, clock.instant());
            next.stateSucceeded(state, type, output);
        }

        @Override
        public void stateFailed(String state, String type, StatesError error) {
            timeline.failed(state, StageTimeline.describe(error.error(), error.cause()), clock.instant());
            next.stateFailed(state, type, error);
        }

        @Override
        public void retrying(String state, StatesError error, int attempt, Duration wait) {
            timeline.retried(state);
            next.retrying(state, error, attempt, wait);
        }

        List<StageReport> reports() {
            return timeline.reports();
        }
    }
}
