package io.barlake.lake.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    private static final Instant NOW = Instant.parse("2025-06-02T21:05:00Z");

    @TempDir
    Path folder;
    private ObjectStore store;
    private StateStore state;

    @BeforeEach
    void setUp() {
        store = new LocalObjectStore(folder);
        state = new StateStore(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aWatermarkIsWrittenOnlyWhenItMoves() {
        assertThat(state.watermark("bronze-bars")).isEmpty();
        assertThat(state.setWatermark("bronze-bars", LocalDate.of(2025, 5, 30))).isTrue();
        byte[] written = store.get("_state/watermarks/bronze-bars.json").orElseThrow();
        assertThat(state.setWatermark("bronze-bars", LocalDate.of(2025, 5, 30))).isFalse();
        assertThat(store.get("_state/watermarks/bronze-bars.json")).hasValue(written);
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"session\" : \"2025-05-30\"")
                .contains("\"updated_at\" : \"2025-06-02T21:05:00Z\"");

        state.setWatermark("bronze-bars", LocalDate.of(2025, 6, 2));
        state.setWatermark("silver-daily", LocalDate.of(2025, 5, 30));
        assertThat(state.watermarks()).extracting(Watermark::name, Watermark::session).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bronze-bars", LocalDate.of(2025, 6, 2)),
                org.assertj.core.groups.Tuple.tuple("silver-daily", LocalDate.of(2025, 5, 30)));
    }

    record ConsolidatorCheckpoint(Map<String, String> sessionHashes) {}

    @Test
    void checkpointsRoundTripAnyRecord() {
        ConsolidatorCheckpoint checkpoint = new ConsolidatorCheckpoint(Map.of("2025-06-02", "ab12", "2025-05-30", "cd34"));
        state.saveCheckpoint("consolidator", checkpoint);
        assertThat(state.checkpoint("consolidator", ConsolidatorCheckpoint.class)).hasValue(checkpoint);
        assertThat(state.checkpoint("resampler", ConsolidatorCheckpoint.class)).isEmpty();
    }

    @Test
    void runReportsAreListedNewestFirst() {
        Random random = new Random(42);
        for (int i = 0; i < 3; i++) {
            Instant start = NOW.plusSeconds(60L * i);
            String id = RunIds.next(start, random);
            state.saveRunReport(new RunReport(id, "run", RunReport.Status.SUCCEEDED, start, start.plusSeconds(30),
                    List.of(new RunReport.StageReport("Consolidate", RunReport.Status.SUCCEEDED, start, start, 1,
                            Map.of("accepted", 10L * i), null)),
                    Map.of("sessions_fetched", (long) i), null));
        }
        List<RunReport> latest = state.latestRuns(2);
        assertThat(latest).hasSize(2);
        assertThat(latest.get(0).runId()).startsWith("20250602t210700z-");
        assertThat(latest.get(0).counts()).containsEntry("sessions_fetched", 2L);
        assertThat(latest.get(0).stages().get(0).counts()).containsEntry("accepted", 20L);
        assertThat(latest.get(1).runId()).startsWith("20250602t210600z-");
        assertThat(state.runReport(latest.get(0).runId())).hasValue(latest.get(0));
    }

    @Test
    void aCorruptDocumentIsReportedWithItsKey() {
        store.put("_state/watermarks/bronze-bars.json", "{not json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> state.watermark("bronze-bars"))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageStartingWith("Cannot read _state/watermarks/bronze-bars.json in ")
                .hasMessageContaining("not a valid Watermark document");
    }
}
