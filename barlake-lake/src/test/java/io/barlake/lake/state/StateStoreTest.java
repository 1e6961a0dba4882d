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
        assertThat(state.watermarks(problem -> { throw new AssertionError(problem); })).extracting(Watermark::name, Watermark::session).containsExactly(
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
        List<RunReport> latest = state.latestRuns(2, problem -> { throw new AssertionError(problem); });
        assertThat(latest).hasSize(2);
        assertThat(latest.get(0).runId()).startsWith("20250602t210700z-");
        assertThat(latest.get(0).counts()).containsEntry("sessions_fetched", 2L);
        assertThat(latest.get(0).stages().get(0).counts()).containsEntry("accepted", 20L);
        assertThat(latest.get(1).runId()).startsWith("20250602t210600z-");
        assertThat(state.runReport(latest.get(0).runId())).hasValue(latest.get(0));
    }

    @Test
    void aCorruptCheckpointIsReportedWithItsKeyOrTreatedAsAbsentByAStageThatRebuilds() {
        store.put("_state/checkpoints/silver-daily.json", "{not json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> state.checkpoint("silver-daily", DailyCheckpoint.class))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageStartingWith("_state/checkpoints/silver-daily.json is not a readable DailyCheckpoint document (");
        List<String> warnings = new java.util.ArrayList<>();
        assertThat(state.checkpointOrRebuild("silver-daily", DailyCheckpoint.class, warnings::add)).isEmpty();
        assertThat(warnings).singleElement().asString().startsWith("_state/checkpoints/silver-daily.json is not a readable")
                .endsWith("; rebuilding what it describes from the layer below");
        store.put("_state/checkpoints/silver-daily.json", "null".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> state.checkpoint("silver-daily", DailyCheckpoint.class)).isInstanceOf(CorruptStateException.class);
    }

    @Test
    void anUnreadableWatermarkIsAbsentAndSetAgainAndListingsSkipWhatTheyCannotRead() {
        store.put("_state/watermarks/bronze-bars.json", "{not json".getBytes(StandardCharsets.UTF_8));
        state.setWatermark("silver-daily", LocalDate.of(2025, 5, 30));
        assertThat(state.watermark("bronze-bars")).isEmpty();
        List<String> problems = new java.util.ArrayList<>();
        assertThat(state.watermarks(problems::add)).extracting(Watermark::name).containsExactly("silver-daily");
        assertThat(problems).singleElement().asString().startsWith("_state/watermarks/bronze-bars.json is not a readable Watermark");
        assertThat(state.setWatermark("bronze-bars", LocalDate.of(2025, 6, 2))).isTrue();
        assertThat(state.watermark("bronze-bars")).map(Watermark::session).hasValue(LocalDate.of(2025, 6, 2));

        Instant start = NOW;
        state.saveRunReport(new RunReport("20250602t210500z-aaaa", "run", RunReport.Status.SUCCEEDED, start, start, List.of(),
                Map.of(), null));
        store.put("_runs/20250602t220000z-bbbb.json", "[]".getBytes(StandardCharsets.UTF_8));
        problems.clear();
        assertThat(state.latestRuns(5, problems::add)).extracting(RunReport::runId).containsExactly("20250602t210500z-aaaa");
        assertThat(problems).singleElement().asString().startsWith("_runs/20250602t220000z-bbbb.json is not a readable RunReport");
    }
}
