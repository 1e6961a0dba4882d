package io.barlake.consolidator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.batch.BatchJob;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.testing.BronzeFixtures;
import io.barlake.lake.testing.RandomHistory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolidatorMainTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private record Outcome(int exitCode, String err) {}

    private Outcome run(Map<String, String> environment) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = BatchJob.run("consolidate", ConsolidatorMain::consolidate, environment, CLOCK,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, err.toString(StandardCharsets.UTF_8));
    }

    /** A lake holding a few bronze sessions of early January 2024. */
    private static LocalObjectStore bronzeIn(Path lake) {
        LocalObjectStore store = new LocalObjectStore(lake);
        RandomHistory history = new RandomHistory(3, 4, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 12));
        history.sessions().forEach((day, rows) -> BronzeFixtures.writeSession(store, day, BronzeFixtures.body(day, rows), CLOCK.instant()));
        return store;
    }

    @Test
    void consolidatesTheLakeNamedByTheEnvironment() {
        Path lake = folder.resolve("lake");
        LocalObjectStore store = bronzeIn(lake);

        Outcome outcome = run(Map.of("BARLAKE_LAKE", lake.toString(), "BARLAKE_RUN_ID", "20240201t000000z-abcdef"));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).isEmpty();
        assertThat(store.head(LakeLayout.silverDaily(2024))).isPresent();
    }

    @Test
    void asABatchJobItPrintsOneMetricsLineWhoseCountsAddUp() throws Exception {
        Path lake = folder.resolve("lake");
        bronzeIn(lake);
        ByteArrayOutputStream metrics = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = BatchJob.run("consolidate", (store, environment, clock) -> ConsolidatorMain.consolidate(store, environment, clock,
                new PrintStream(metrics, true, StandardCharsets.UTF_8)), Map.of("BARLAKE_LAKE", lake.toString(), "BARLAKE_RUN_ID",
                "20240201t000000z-abcdef"), CLOCK, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        java.util.List<String> lines = metrics.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertThat(line.path(io.barlake.lake.batch.JobMetrics.FIELD).asText()).isEqualTo("consolidate");
        assertThat(line.path("run_id").asText()).isEqualTo("20240201t000000z-abcdef");
        assertThat(line.path("sessions").asLong()).isEqualTo(9); // 2024-01-02 .. 2024-01-12, NYSE sessions
        assertThat(line.path("received").asLong()).isPositive()
                .isEqualTo(line.path("accepted").asLong() + line.path("refused").asLong());
        assertThat(line.path("held").asLong()).isZero();
        assertThat(line.path("objects_written").asLong()).isPositive();
        // The local engine calls the same work without a stream: nothing printed there.
        assertThat(ConsolidatorMain.consolidate(new LocalObjectStore(lake), Map.of(), CLOCK)).contains("sessions");
    }

    @Test
    void aBadSettingIsOneLineAndExitCodeTwoWhichBatchDoesNotRetry() {
        Outcome lake = run(Map.of("BARLAKE_LAKE", "s3://"));
        assertThat(lake.exitCode()).isEqualTo(BatchJob.BAD_SETTING).isEqualTo(2);
        assertThat(lake.err().lines()).containsExactly(
                "consolidate: Invalid BARLAKE_LAKE 's3://': the bucket name is missing; expected s3://bucket/prefix");
        Outcome vacuum = run(Map.of("BARLAKE_LAKE", folder.toString(), "BARLAKE_VACUUM_DAYS", "forever"));
        assertThat(vacuum.exitCode()).isEqualTo(2);
        assertThat(vacuum.err().lines()).containsExactly(
                "consolidate: Invalid BARLAKE_VACUUM_DAYS 'forever': expected a whole number of days, 0 to turn vacuum off");
    }

    @Test
    void aLakeThatCannotBeRebuiltExitsThreeWhichBatchDoesNotRetry() {
        Path lake = folder.resolve("damaged");
        LocalObjectStore store = bronzeIn(lake);
        assertThat(run(Map.of("BARLAKE_LAKE", lake.toString())).exitCode()).isZero();
        store.delete(java.util.List.of(LakeLayout.silverDaily(2024), LakeLayout.bronzeBarsMeta(LocalDate.of(2024, 1, 3))));

        Outcome damaged = run(Map.of("BARLAKE_LAKE", lake.toString()));

        assertThat(damaged.exitCode()).isEqualTo(BatchJob.DAMAGED).isEqualTo(3);
        assertThat(damaged.err().lines()).singleElement().asString().startsWith(
                "consolidate: silver/daily/year=2024/bars.parquet must be rebuilt from bronze, but bronze/bars/date=2024-01-03/");
    }
}
