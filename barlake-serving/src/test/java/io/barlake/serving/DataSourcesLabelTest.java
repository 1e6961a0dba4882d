package io.barlake.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.serving.access.RequestLimits;
import io.barlake.signals.alerts.WebhookPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every answer names where the lake's data came from, so the synthetic market is never taken for a real one. */
class DataSourcesLabelTest {
    @TempDir
    Path folder;

    private Router router(LocalObjectStore store) {
        return new Router(RouterSettings.of(store, ServingLake.CLOCK).withAccess(RouterSettings.WithoutKeys.OPEN)
                .withLimits(new RequestLimits(1000, 1000, 100_000, ServingLake.CLOCK))
                .withWebhooks(new WebhookPolicy(Set.of(), ServingLake.RESOLVER)));
    }

    private static void source(LocalObjectStore store, String source) {
        new StateStore(store, ServingLake.CLOCK).saveCheckpoint(DailyCheckpoint.NAME, new DailyCheckpoint(Map.of(ServingLake.LAST,
                new DailyCheckpoint.Session("a".repeat(64), 100, 0, 3, 3, 0, source)), Map.of()));
    }

    @Test
    void aSyntheticLakeIsLabelledInEveryAnswerTheStatusAndHealth() {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        ServingLake.write(store);
        source(store, "synthetic");
        for (FrontDoor door : List.of(FrontDoor.localServer(router(store)), FrontDoor.lambda(router(store)))) {
            try (door) {
                Map<String, String> local = Map.of();
                for (String path : List.of("/v1/bars?symbol=MSFT&limit=1", "/v1/bars?symbol=NOPE", "/health", "/v1/status")) {
                    assertThat(door.get(path, local).headers()).as(door + " " + path).containsEntry("barlake-data-sources", "synthetic");
                }
                JsonNode status = door.get("/v1/status", local).json();
                assertThat(status.path("synthetic").asBoolean()).isTrue();
                assertThat(status.path("sources").toString()).isEqualTo("[\"synthetic\"]");
                assertThat(door.get("/health", local).json().path("lake").path("synthetic").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void aVendorLakeNamesItsVendorAndIsNotSynthetic() {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        ServingLake.write(store);
        try (FrontDoor door = FrontDoor.lambda(router(store))) {
            FrontDoor.Answer status = door.get("/v1/status", Map.of());
            assertThat(status.headers()).containsEntry("barlake-data-sources", "polygon");
            assertThat(status.json().path("synthetic").asBoolean()).isFalse();
        }
    }
}
