package io.barlake.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.access.RequestLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over a lake damaged between two nightly runs: what it can still answer it answers, and
 * what it cannot it says (health degraded with the objects' keys, a 503 rather than a 500), never
 * naming where the lake is.
 */
class DamagedLakeServingTest {
    private static final String KEY = "bk_live_6f1d2c3b4a5e";
    private static final Map<String, String> WITH_KEY = Map.of("x-api-key", KEY);

    @TempDir
    Path folder;

    private void withLake(Consumer<LocalObjectStore> damage, Consumer<FrontDoor> check) {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake-" + System.nanoTime()));
        ServingLake.write(store);
        new StateStore(store, ServingLake.CLOCK).saveRunReport(new RunReport("20250602t220000z-aaaaaa", "run", RunReport.Status.SUCCEEDED,
                ServingLake.CLOCK.instant(), ServingLake.CLOCK.instant(), List.of(), Map.of(), null));
        new StateStore(store, ServingLake.CLOCK).setWatermark("silver-daily", ServingLake.LAST);
        damage.accept(store);
        for (java.util.function.Supplier<FrontDoor> door : List.<java.util.function.Supplier<FrontDoor>>of(
                () -> FrontDoor.localServer(router(store)), () -> FrontDoor.lambda(router(store)))) {
            try (FrontDoor opened = door.get()) {
                check.accept(opened);
            }
        }
    }

    private static Router router(LocalObjectStore store) {
        return new Router(RouterSettings.of(store, ServingLake.CLOCK).withKeys(ApiKeys.parse("team=" + ApiKeys.hash(KEY)))
                .withLimits(new RequestLimits(1000, 1000, 100_000, ServingLake.CLOCK)));
    }

    @Test
    void anUnreadableRunReportOrWatermarkIsSkippedAndNamedByStatus() {
        withLake(store -> {
            store.put("_runs/20250603t220000z-bbbbbb.json", "{\"run_id\":".getBytes(StandardCharsets.UTF_8));
            store.put(LakeLayout.watermark("bronze-bars"), "[".getBytes(StandardCharsets.UTF_8));
        }, door -> {
            FrontDoor.Answer status = door.get("/v1/status", WITH_KEY);
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            JsonNode json = status.json();
            assertThat(json.path("latest_runs").findValuesAsText("id")).containsExactly("20250602t220000z-aaaaaa");
            assertThat(json.path("watermarks").findValuesAsText("name")).containsExactly("silver-daily");
            assertThat(json.path("problems").toString()).contains("_runs/20250603t220000z-bbbbbb.json is not a readable RunReport",
                    "_state/watermarks/bronze-bars.json is not a readable Watermark");
            assertThat(status.body()).doesNotContain(folder.toString());
        });
    }

    @Test
    void healthIsDegradedNamingAnUnreadableCheckpointOrAMissingYearFileAndStaysReachable() {
        withLake(store -> store.put(LakeLayout.checkpoint(DailyCheckpoint.NAME), "{".getBytes(StandardCharsets.UTF_8)), door -> {
            FrontDoor.Answer health = door.get("/health", Map.of());
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("degraded");
            assertThat(health.json().path("lake").path("reachable").asBoolean()).isTrue();
            assertThat(health.json().path("lake").path("problems").toString()).contains("_state/checkpoints/silver-daily.json is unreadable");
        });
        withLake(store -> store.delete(List.of(LakeLayout.silverDaily(2025))), door -> {
            FrontDoor.Answer health = door.get("/health", Map.of());
            assertThat(health.json().path("status").asText()).isEqualTo("degraded");
            assertThat(health.json().path("lake").path("problems").toString()).contains("silver/daily/year=2025/bars.parquet is missing");
            assertThat(health.body()).doesNotContain(folder.toString());
        });
    }

    @Test
    void anUnreadableYearFileIsA503ThatNamesNoPath() {
        withLake(store -> store.put(LakeLayout.silverDaily(2025), "not parquet".getBytes(StandardCharsets.UTF_8)), door -> {
            FrontDoor.Answer bars = door.get("/v1/bars?symbol=AAPL", WITH_KEY);
            assertThat(bars.status()).as(bars.body()).isEqualTo(503);
            assertThat(bars.json().path("error").path("code").asText()).isEqualTo("lake_unreadable");
            assertThat(bars.headers()).containsEntry("retry-after", "300");
            assertThat(bars.body()).doesNotContain(folder.toString(), "Exception");
        });
    }
}
