package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.barlake.consolidator.batch.ConsolidatorMain;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.access.LakeGrants;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ContentWriter;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.resampler.batch.ResamplerMain;
import io.barlake.serving.Router;
import io.barlake.serving.RouterSettings;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.access.RequestLimits;
import io.barlake.serving.http.ApiRequest;
import io.barlake.statemachine.Placeholder;
import io.barlake.statemachine.asl.ExecutionListener;
import io.barlake.statemachine.local.LocalPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every deployed component, run as the pipeline runs it, against a store that records each key it
 * reads, writes and deletes: each key must be covered by that component's {@link LakeGrants}, from
 * which the CDK app writes its IAM statements. A new key outside a grant fails here, not on AWS at
 * night. The components: the two fetch functions, the consolidate and resample jobs, the scan
 * function (alert checks included) and the API.
 */
class LakeGrantsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);
    private static final String KEY = "bk_live_grants_test";
    private static final Map<String, LakeGrants> GRANTS = Map.of("FETCH_BARS", LakeGrants.FETCH_BARS,
            "FETCH_REFERENCE", LakeGrants.FETCH_REFERENCE, "CONSOLIDATE", LakeGrants.CONSOLIDATE,
            "RESAMPLE", LakeGrants.RESAMPLE, "SCAN", LakeGrants.SCAN, "SERVING", LakeGrants.SERVING, "REPORT_RUN", LakeGrants.REPORT_RUN);
    /** The component the current thread works for; threads a component starts inherit it. */
    private static final InheritableThreadLocal<String> COMPONENT = new InheritableThreadLocal<>();

    @TempDir
    Path folder;

    private record Access(String component, String operation, String key) {}

    private final List<Access> accesses = Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyComponentTouchesOnlyTheKeysItsGrantCovers() throws Exception {
        Path lake = folder.resolve("lake");
        Map<String, String> environment = Map.of("BARLAKE_LAKE", lake.toString(), MarketDataSources.SYMBOLS, "20",
                "BARLAKE_TICKER_HISTORY", "META");
        try (LocalObjectStore store = new LocalObjectStore(lake)) {
            LocalPipeline pipeline = new LocalPipeline(environment, new Recording(store, COMPONENT::get), MarketDataSources.open(
                    environment, TradingCalendar.nyse(), CLOCK, SecretsManagerApiKeys.usingDefaultClient()), CLOCK, 0.001,
                    (topic, subject, message) -> { });
            label(pipeline, Placeholder.FetchBarsFunctionArn, "FETCH_BARS");
            label(pipeline, Placeholder.FetchReferenceFunctionArn, "FETCH_REFERENCE");
            label(pipeline, Placeholder.ScanFunctionArn, "SCAN");
            // Batch jobs open their own store, as on AWS: each gets a recording one.
            pipeline.tasks().job(pipeline.arns().get(Placeholder.ConsolidateJobDefinitionArn), (jobStore, env, clock) ->
                    ConsolidatorMain.consolidate(new Recording(jobStore, () -> "CONSOLIDATE"), env, clock));
            pipeline.tasks().job(pipeline.arns().get(Placeholder.ResampleJobDefinitionArn), (jobStore, env, clock) ->
                    ResamplerMain.resample(new Recording(jobStore, () -> "RESAMPLE"), env, clock));

            assertThat(pipeline.run("backfill", "backfill", LakeJson.mapper().readTree(
                    "{\"mode\":\"backfill\",\"from\":\"2026-10-01\",\"to\":\"2026-11-19\"}"), ExecutionListener.NONE).result().succeeded())
                    .isTrue();
            String symbol = ParquetCodec.DAILY.read(store, LakeLayout.silverDaily(2026)).stream().map(DailyBar::symbol).findFirst()
                    .orElseThrow();
            serve(store, symbol); // an alert rule, so the nightly scan checks one
            assertThat(pipeline.run("nightly", "run", LakeJson.mapper().readTree("{\"mode\":\"nightly\"}"), ExecutionListener.NONE)
                    .result().succeeded()).isTrue();
            // The deployed run's last task, after the same run: everything of the lake it touches goes through here.
            io.barlake.lake.state.DeployedRunReport.save(new Recording(store, () -> "REPORT_RUN"), CLOCK,
                    new io.barlake.lake.state.DeployedRunReport.Execution("nightly-on-aws", LakeJson.mapper().readTree("{}"),
                            java.time.Instant.EPOCH, List.of(), LakeJson.mapper().readTree("{\"scan\":{\"picks\":3}}"), true, null));
        }

        Map<String, Set<String>> outside = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        for (Access access : List.copyOf(accesses)) {
            if (access.component() == null) {
                continue; // the local runner itself: run reports, the lake lock
            }
            seen.add(access.component());
            LakeGrants grants = GRANTS.get(access.component());
            boolean granted = switch (access.operation()) {
                case "read" -> grants.mayRead(access.key());
                case "write" -> grants.mayWrite(access.key());
                case "delete" -> grants.mayDelete(access.key());
                default -> true; // listing is granted on the whole bucket
            };
            if (!granted) {
                outside.computeIfAbsent(access.component(), component -> new TreeSet<>()).add(access.operation() + " " + access.key());
            }
        }
        assertThat(seen).as("every component ran against the recording store").isEqualTo(GRANTS.keySet());
        assertThat(accesses).as("each component's writes were recorded")
                .anyMatch(access -> "CONSOLIDATE".equals(access.component()) && access.operation().equals("write"))
                .anyMatch(access -> "SCAN".equals(access.component()) && access.key().startsWith(LakeLayout.GOLD_SIGNALS)
                        && access.operation().equals("write"))
                .anyMatch(access -> "SCAN".equals(access.component()) && access.key().equals(LakeLayout.ALERT_RULES)
                        && access.operation().equals("write"))
                .anyMatch(access -> "SERVING".equals(access.component()) && access.operation().equals("write"))
                .anyMatch(access -> "REPORT_RUN".equals(access.component()) && access.operation().equals("read")
                        && access.key().startsWith(LakeLayout.SILVER_QUALITY))
                .anyMatch(access -> "REPORT_RUN".equals(access.component()) && access.key().equals(LakeLayout.runReport("nightly-on-aws"))
                        && access.operation().equals("write"));
        assertThat(outside).as("keys outside the component's grant (IAM would refuse them on AWS)").isEmpty();
    }

    private static void label(LocalPipeline pipeline, Placeholder function, String component) {
        String arn = pipeline.arns().get(function);
        RequestStreamHandler handler = pipeline.tasks().function(arn);
        pipeline.tasks().function(arn, (input, output, context) -> {
            COMPONENT.set(component);
            try {
                handler.handleRequest(input, output, context);
            } finally {
                COMPONENT.remove();
            }
        });
    }

    /** The API's reads and its one write (an alert rule), through the router as both front doors use it. */
    private void serve(ObjectStore store, String symbol) {
        Router router = new Router(RouterSettings.of(new Recording(store, () -> "SERVING"), CLOCK)
                .withKeys(ApiKeys.parse("team=" + ApiKeys.hash(KEY))).withLimits(new RequestLimits(1000, 1000, 100_000, CLOCK)));
        Map<String, String> withKey = Map.of("x-api-key", KEY);
        for (String path : List.of("/health", "/v1/status", "/v1/symbols", "/v1/signals", "/v1/usage", "/v1/alerts")) {
            assertThat(router.handle(new ApiRequest("GET", path, Map.of(), withKey, new byte[0])).status()).as(path).isEqualTo(200);
        }
        assertThat(router.handle(new ApiRequest("GET", "/v1/bars", Map.of("symbol", symbol, "adjustment", "total_return"), withKey,
                new byte[0])).status()).isEqualTo(200);
        assertThat(router.handle(new ApiRequest("GET", "/v1/quote", Map.of("symbol", symbol), withKey, new byte[0])).status())
                .isEqualTo(200);
        // A condition that holds on every session, so the nightly scan fires it and records the firing (a write).
        String rule = "{\"symbol\":\"" + symbol + "\",\"kind\":\"condition\",\"cooldown_sessions\":0,"
                + "\"condition\":{\"left\":{\"price\":\"close\"},\"op\":\"GT\",\"right\":{\"constant\":0}}}";
        assertThat(router.handle(new ApiRequest("POST", "/v1/alerts", Map.of(), Map.of("x-api-key", KEY, "content-type",
                "application/json"), rule.getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(201);
        String backtest = "{\"symbol\":\"" + symbol + "\",\"strategy\":\"golden-cross\"}";
        assertThat(router.handle(new ApiRequest("POST", "/v1/backtest", Map.of(), Map.of("x-api-key", KEY, "content-type",
                "application/json"), backtest.getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(200);
    }

    /** A store that notes who touched which key, then does what was asked. */
    private final class Recording implements ObjectStore {
        private final ObjectStore delegate;
        private final Supplier<String> component;

        Recording(ObjectStore delegate, Supplier<String> component) {
            this.delegate = delegate;
            this.component = component;
        }

        private void note(String operation, String key) {
            accesses.add(new Access(component.get(), operation, key));
        }

        @Override
        public String location() {
            return delegate.location();
        }

        @Override
        public void put(String key, byte[] content) {
            note("write", key);
            delegate.put(key, content);
        }

        @Override
        public void write(String key, ContentWriter writer) {
            note("write", key);
            delegate.write(key, writer);
        }

        @Override
        public boolean putIfAbsent(String key, byte[] content) {
            note("write", key);
            return delegate.putIfAbsent(key, content);
        }

        @Override
        public Optional<byte[]> get(String key) {
            note("read", key);
            return delegate.get(key);
        }

        @Override
        public byte[] getRange(String key, long offset, int length) {
            note("read", key);
            return delegate.getRange(key, offset, length);
        }

        @Override
        public Optional<ObjectInfo> head(String key) {
            note("read", key);
            return delegate.head(key);
        }

        @Override
        public List<ObjectInfo> list(String prefix) {
            note("list", prefix);
            return delegate.list(prefix);
        }

        @Override
        public void delete(Collection<String> keys) {
            keys.forEach(key -> note("delete", key));
            delegate.delete(keys);
        }

        @Override
        public void close() {
            // the test closes the store it wraps
        }
    }
}
