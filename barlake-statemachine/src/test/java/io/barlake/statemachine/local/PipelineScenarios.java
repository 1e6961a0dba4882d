package io.barlake.statemachine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.fetchers.polygon.PolygonRateLimitedException;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSource;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.statemachine.Placeholder;
import io.barlake.statemachine.asl.ExecutionListener;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The end-to-end scenarios of the pipeline definition with its real in-process tasks, written
 * once and run against a lake folder ({@link LocalPipelineTest}) and against S3Proxy
 * ({@link S3LocalPipelineIT}).
 */
final class PipelineScenarios {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);
    /** Retry waits of the definition (30 s for a rate limit, 30 s for a Batch job) become milliseconds. */
    static final double RETRY_SCALE = 0.001;

    private final ObjectStore store;
    private final Map<String, String> environment;

    /** {@code environment} must hold BARLAKE_LAKE (and the S3 settings for an S3 lake). */
    PipelineScenarios(ObjectStore store, Map<String, String> environment) {
        this.store = store;
        Map<String, String> settings = new HashMap<>(environment);
        settings.put(MarketDataSources.SYMBOLS, "40");
        this.environment = settings;
    }

    LocalPipeline pipeline() {
        MarketDataSource source = MarketDataSources.open(environment, TradingCalendar.nyse(), CLOCK,
                SecretsManagerApiKeys.usingDefaultClient());
        return new LocalPipeline(environment, store, source, CLOCK, RETRY_SCALE, (topic, subject, message) -> {});
    }

    static JsonNode backfill(String from, String to) {
        return LakeJson.mapper().createObjectNode().put("mode", "backfill").put("from", from).put("to", to);
    }

    /** A fetcher failing twice with Polygon's rate limit, then answering: the run succeeds and the retries are in the report. */
    void fetcherRetriedThenSucceeds() {
        LocalPipeline pipeline = pipeline();
        String arn = pipeline.arns().get(Placeholder.FetchBarsFunctionArn);
        RequestStreamHandler real = pipeline.tasks().function(arn);
        AtomicInteger calls = new AtomicInteger();
        java.util.List<JsonNode> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        pipeline.tasks().function(arn, (in, out, context) -> {
            byte[] event = in.readAllBytes();
            events.add(LakeJson.mapper().readTree(event));
            if (calls.incrementAndGet() <= 2) {
                throw new PolygonRateLimitedException("Polygon rate limit (429)", Duration.ofSeconds(12));
            }
            real.handleRequest(new java.io.ByteArrayInputStream(event), out, context);
        });

        LocalPipeline.Outcome outcome = pipeline.run("run-retry", "backfill", backfill("2026-10-01", "2026-11-20"),
                ExecutionListener.NONE);

        assertThat(outcome.result().succeeded()).as(outcome.result().error() + " " + outcome.result().cause()).isTrue();
        assertThat(outcome.result().output().path("fetch").path("bars").path("sessions").asInt())
                .isEqualTo(TradingCalendar.nyse().countSessions(java.time.LocalDate.parse("2026-10-01"), java.time.LocalDate.parse("2026-11-20")));
        // The fetcher is told its run (for its log lines) beside the request the run was given.
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.path("run_id").asText()).isEqualTo("run-retry");
            assertThat(event.path("mode").asText()).isEqualTo("backfill");
            assertThat(event.path("from").asText()).isEqualTo("2026-10-01");
        });
        RunReport report = new StateStore(store, CLOCK).runReport("run-retry").orElseThrow();
        assertThat(report.status()).isEqualTo(RunReport.Status.SUCCEEDED);
        assertThat(report.stages()).filteredOn(stage -> stage.name().equals("FetchBars"))
                .singleElement().satisfies(stage -> assertThat(stage.attempts()).isEqualTo(3));
        assertThat(store.head(LakeLayout.signals(java.time.LocalDate.parse("2026-11-20")))).isPresent();
        assertThat(silver()).isNotEmpty();
    }

    /** A consolidator that always fails: retried once, then the failure message, a failed run, silver as it was. */
    void consolidatorFailingForGoodLeavesSilverAndSaysHowToRerun() {
        LocalPipeline.Outcome first = pipeline().run("run-ok", "backfill", backfill("2026-10-01", "2026-10-30"),
                ExecutionListener.NONE);
        assertThat(first.result().succeeded()).isTrue();
        Map<String, String> silverBefore = silver();

        LocalPipeline broken = pipeline();
        AtomicInteger attempts = new AtomicInteger();
        broken.tasks().job(broken.arns().get(Placeholder.ConsolidateJobDefinitionArn), (lake, env, clock) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("silver/daily/year=2026/bars.parquet: disk full");
        });
        LocalPipeline.Outcome outcome = broken.run("run-broken", "backfill", backfill("2026-11-02", "2026-11-20"),
                ExecutionListener.NONE);

        assertThat(outcome.result().succeeded()).isFalse();
        assertThat(outcome.result().error()).isEqualTo("States.TaskFailed");
        assertThat(attempts.get()).as("Batch jobs retry once").isEqualTo(2);
        assertThat(outcome.alert()).contains(
                "execution:barlake-pipeline:run-broken",
                "State: Consolidate",
                "Error: States.TaskFailed",
                "disk full",
                "Sessions: the NYSE sessions from 2026-11-02 to 2026-11-20",
                "Re-run them: barlake backfill --from 2026-11-02 --to 2026-11-20",
                "aws stepfunctions start-execution --state-machine-arn " + LocalPipeline.STATE_MACHINE_ID);
        RunReport report = new StateStore(store, CLOCK).runReport("run-broken").orElseThrow();
        assertThat(report.status()).isEqualTo(RunReport.Status.FAILED);
        assertThat(report.error()).contains("State: Consolidate");
        assertThat(report.stages()).filteredOn(stage -> stage.name().equals("Consolidate")).singleElement()
                .satisfies(stage -> {
                    assertThat(stage.status()).as("caught, but failed").isEqualTo(RunReport.Status.FAILED);
                    assertThat(stage.attempts()).as("one task, whose job Batch ran twice").isEqualTo(1);
                });
        assertThat(silver()).as("silver is as it was").isEqualTo(silverBefore);
    }

    void aJobThatCanOnlyFailAgainIsNotRetried() {
        for (RuntimeException failure : List.<RuntimeException>of(
                new io.barlake.lake.state.DamagedLakeException("silver/daily/year=2026/bars.parquet must be rebuilt from bronze, but …"),
                new io.barlake.lake.state.CorruptStateException("_state/x.json", "_state/x.json is not a readable X document", null),
                new io.barlake.lake.store.InvalidSettingException("BARLAKE_VACUUM_DAYS", "-1", "expected a whole number of days"))) {
            LocalPipeline broken = pipeline();
            AtomicInteger attempts = new AtomicInteger();
            broken.tasks().job(broken.arns().get(Placeholder.ConsolidateJobDefinitionArn), (lake, env, clock) -> {
                attempts.incrementAndGet();
                throw failure;
            });
            LocalPipeline.Outcome outcome = broken.run("run-" + attempts.hashCode(), "run", backfill("2026-11-16", "2026-11-20"),
                    ExecutionListener.NONE);
            assertThat(outcome.result().succeeded()).isFalse();
            assertThat(attempts.get()).as(failure.getClass().getSimpleName() + " is not retried").isEqualTo(1);
            assertThat(outcome.alert()).contains(failure.getMessage().lines().findFirst().orElseThrow());
        }
    }

    /** Every silver object's sha-256, by key. */
    Map<String, String> silver() {
        Map<String, String> hashes = new TreeMap<>();
        for (ObjectInfo info : store.list("silver/")) {
            try {
                hashes.put(info.key(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(store.get(info.key()).orElseThrow())));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }
}
