package io.barlake.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.fetchers.bronze.BarsFetcher;
import io.barlake.fetchers.polygon.PolygonSettings;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSource;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.LakeLock;
import io.barlake.lake.state.RunIds;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.alerts.SnsAlertPublisher;
import io.barlake.statemachine.asl.ExecutionListener;
import io.barlake.statemachine.asl.StatesError;
import io.barlake.statemachine.local.LocalPipeline;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline definition locally for {@code barlake run} and {@code barlake backfill}: the
 * lake and source from the settings; a progress bar per stage on a terminal, otherwise one line
 * per stage as it starts and ends (with retries); then a summary, the run report's key, and the
 * exit code.
 */
final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    /** History the first run builds on an empty lake: two years of the synthetic market … */
    static final int SYNTHETIC_HISTORY_SESSIONS = 504;
    /** … or 20 sessions from Massive (formerly Polygon.io), whose free plan allows 5 requests a minute. */
    static final int POLYGON_HISTORY_SESSIONS = 20;

    private final Barlake parent;
    private final LakeOption lake;
    private final PrintWriter out;
    private final PrintWriter err;
    private final PrintWriter json;

    PipelineRunner(Barlake parent, LakeOption lake, PrintWriter out, PrintWriter err) {
        this(parent, lake, out, err, false);
    }

    /**
     * With {@code json}, standard output carries only the run report as JSON (what is saved under
     * {@code _runs/}), for programs; the plan, progress and summary go to standard error.
     */
    PipelineRunner(Barlake parent, LakeOption lake, PrintWriter out, PrintWriter err, boolean json) {
        this.parent = parent;
        this.lake = lake;
        this.out = json ? err : out;
        this.err = err;
        this.json = json ? out : null;
    }

    /** Where the human lines go: standard output, or standard error when the output is JSON. */
    PrintWriter human() {
        return out;
    }

    /** {@code barlake run}: a default history first when the lake has none, then the nightly run. */
    int nightly(LocalDate date, Integer history, String command) {
        return withPipeline("barlake " + command, (store, source, pipeline) -> {
            TradingCalendar calendar = TradingCalendar.nyse();
            // No bronze watermark yet: the history was never built (or a first run was cut short), so build it.
            // The object's presence, not its content: an unreadable one is rebuilt by the nightly run.
            boolean empty = store.head(LakeLayout.watermark(BarsFetcher.WATERMARK)).isEmpty();
            ObjectNode input = LakeJson.mapper().createObjectNode();
            if (empty) {
                int sessions = history != null ? history
                        : source.name().equals("synthetic") ? SYNTHETIC_HISTORY_SESSIONS : POLYGON_HISTORY_SESSIONS;
                LocalDate to = date != null ? calendar.sessionOnOrBefore(date) : calendar.latestClosedSession(parent.clock().instant());
                LocalDate from = to;
                for (int i = 1; i < sessions; i++) {
                    from = calendar.previousSession(from);
                }
                out.printf("The lake has no history yet: building %d sessions (%s to %s) first.%n", sessions, from, to);
                input.put("mode", "backfill").put("from", from.toString()).put("to", to.toString());
            } else {
                input.put("mode", "nightly");
                if (date != null) {
                    input.put("date", date.toString());
                }
            }
            return execute(store, pipeline, input, command);
        });
    }

    /**
     * {@code barlake backfill}: the sessions from {@code from} to {@code to}, through the same
     * definition, after its plan: above an hour of requests it starts only with {@code yes} or
     * when the person at the terminal says so.
     */
    int backfill(LocalDate from, LocalDate to, boolean yes, String command) {
        return withPipeline("barlake " + command, (store, source, pipeline) -> {
            int rate = source.name().equals("polygon")
                    ? PolygonSettings.parseRate(parent.environment().getOrDefault(PolygonSettings.RATE_LIMIT,
                            Integer.toString(PolygonSettings.DEFAULT_RATE_LIMIT)))
                    : 0;
            BackfillPlan plan = BackfillPlan.of(store, from, to, TradingCalendar.nyse(), rate);
            out.println(plan.describe());
            out.flush();
            if (plan.needsConfirmation() && !yes && !confirmed(plan)) {
                return ExitCodes.USAGE;
            }
            ObjectNode input = LakeJson.mapper().createObjectNode();
            input.put("mode", "backfill").put("from", from.toString()).put("to", to.toString());
            return execute(store, pipeline, input, command);
        });
    }

    @FunctionalInterface
    private interface Work {
        int run(ObjectStore store, MarketDataSource source, LocalPipeline pipeline);
    }

    private int withPipeline(String purpose, Work work) {
        RunPreflight.settings(parent.environment());
        Map<String, String> environment = new HashMap<>(parent.environment());
        LakeLocation location = lake.location(parent.environment());
        // The Batch jobs open the lake from their environment, as on AWS: give them the one chosen here.
        environment.put(LakeLocation.SETTING, location.toString());
        String topic = parent.environment().get(SnsAlertPublisher.TOPIC_SETTING);
        try (SnsAlertPublisher sns = topic == null || topic.isBlank() ? null : SnsAlertPublisher.forTopic(topic, parent.environment());
             ObjectStore store = lake.open(parent.environment());
             MarketDataSource source = MarketDataSources.open(parent.environment(), TradingCalendar.nyse(), parent.clock(),
                     SecretsManagerApiKeys.usingDefaultClient());
             LakeLock lock = LakeLock.acquire(store, purpose)) {
            out.println("Source: " + source.description() + (source.name().equals("synthetic") ? " (no MASSIVE_API_KEY or POLYGON_API_KEY set)" : ""));
            out.println("Lake: " + store.location());
            if (sns != null) {
                out.println("Failures are published to " + topic.strip());
            }
            out.flush();
            Set<String> logged = ConcurrentHashMap.newKeySet();
            LocalPipeline pipeline = new LocalPipeline(environment, store, source, parent.clock(), 1.0,
                    (topicArn, subject, message) -> {
                        if (logged.add(message)) {
                            // Printed on standard output after the run, and its one line on standard error.
                            LOG.debug("{}\n{}", subject, message);
                        }
                        if (sns != null) {
                            sns.publish(topicArn, subject, message);
                        }
                    });
            return work.run(store, source, pipeline);
        }
    }

    private int execute(ObjectStore store, LocalPipeline pipeline, JsonNode input, String command) {
        String runId = RunIds.next(parent.clock().instant(), new SecureRandom());
        out.println("Run " + runId + ": " + input);
        out.flush();
        LocalPipeline.Outcome outcome;
        if (System.console() != null) {
            try (StageBars bars = new StageBars()) {
                outcome = pipeline.run(runId, command, input, bars, bars);
            }
        } else {
            // Logs and pipes: a line per stage event, and the fetch's count every ten seconds.
            try (FetchProgress fetch = new FetchProgress(err, false)) {
                outcome = pipeline.run(runId, command, input, new StageLines(err), fetch);
            }
        }
        RunReport report = outcome.report();
        out.println();
        for (RunReport.StageReport stage : report.stages()) {
            Duration took = stage.finishedAt() == null || stage.startedAt() == null ? Duration.ZERO
                    : Duration.between(stage.startedAt(), stage.finishedAt());
            out.printf(Locale.ROOT, "  %-16s %-9s %8s  %s%n", stage.name(), stage.status(), FetchProgress.human(took),
                    stage.attempts() > 1 ? stage.attempts() + " attempts" : "");
        }
        pipeline.tasks().jobSummaries().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(job -> out.println("  " + job.getKey().replaceFirst("-" + runId + "$", "") + ": " + job.getValue()));
        Map<String, Long> counts = report.counts();
        if (outcome.result().succeeded()) {
            out.printf(Locale.ROOT, "Done in %s: %d sessions fetched (%,d records), %d objects written, %d signals.%n",
                    FetchProgress.human(Duration.between(report.startedAt(), report.finishedAt())),
                    counts.getOrDefault("sessions_fetched", 0L), counts.getOrDefault("records_fetched", 0L),
                    outcome.objectsWritten(), counts.getOrDefault("signals", 0L));
        }
        out.println("Run report: " + LakeLayout.runReport(runId) + " in " + store.location());
        out.flush();
        if (json != null) {
            try {
                json.println(LakeJson.mapper().writeValueAsString(report));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new java.io.UncheckedIOException(e);
            }
            json.flush();
        }
        if (!outcome.result().succeeded()) {
            String alert = outcome.alert();
            if (alert != null) {
                out.println();
                out.println(alert);
                out.flush();
            }
            err.println("barlake: run " + runId + " failed" + failedState(alert) + ": " + reason(outcome.result())
                    + (alert == null ? "" : " (details above)"));
            err.flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** Asks at the terminal; without one, says how to start it and declines. */
    private boolean confirmed(BackfillPlan plan) {
        java.io.Console console = System.console();
        String why = "this backfill takes " + BackfillPlan.human(plan.estimate()) + " at " + plan.requestsPerMinute()
                + " requests a minute";
        if (console == null) {
            err.println("barlake: " + why + "; add --yes to start it (or backfill a shorter range, or raise "
                    + PolygonSettings.RATE_LIMIT + " if your plan allows more)");
            err.flush();
            return false;
        }
        String answer = console.readLine("%s. Start it? [y/N] ", Character.toUpperCase(why.charAt(0)) + why.substring(1));
        if (answer != null && answer.strip().equalsIgnoreCase("y")) {
            return true;
        }
        err.println("barlake: backfill not started");
        err.flush();
        return false;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** " in STATE" from the failure message's {@code State:} line, or nothing. */
    private static String failedState(String alert) {
        return alert == null ? "" : alert.lines().filter(line -> line.startsWith("State: ")).findFirst()
                .map(line -> " in " + line.substring("State: ".length()).strip()).orElse("");
    }

    /**
     * What went wrong, in the words of the task that failed: a Batch job's own line (its container's
     * reason without the job's name), a Lambda function's error message, or the error and cause as
     * the engine gave them; never the JSON they travel in.
     */
    static String reason(io.barlake.statemachine.asl.ExecutionResult result) {
        String cause = result.cause();
        try {
            JsonNode json = cause == null ? null : LakeJson.mapper().readTree(cause);
            if (json != null && json.path("Container").hasNonNull("Reason")) {
                String reason = firstLine(json.path("Container").path("Reason").asText());
                String job = json.path("JobName").asText("");
                return !job.isEmpty() && reason.startsWith(job + ": ") ? reason.substring(job.length() + 2) : reason;
            }
            if (json != null && json.hasNonNull("errorMessage")) {
                return firstLine(json.path("errorMessage").asText());
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: the cause as it is
        }
        return result.error() + (cause == null ? "" : ": " + firstLine(cause));
    }
}
