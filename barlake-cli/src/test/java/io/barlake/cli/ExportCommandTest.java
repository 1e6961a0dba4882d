package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.resampler.Resampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code barlake export}, read back by DuckDB as a notebook would read it. */
class ExportCommandTest {
    private static final LocalDate SPLIT = LocalDate.of(2024, 6, 10);

    @TempDir
    Path folder;

    private Map<String, String> environment;
    private final List<DailyBar> raw = new ArrayList<>();

    /** Two symbols over 2024; WALK splits 2-for-1 on SPLIT, so its raw prices halve there. */
    @BeforeEach
    void fillLake() {
        Path lake = folder.resolve("lake");
        environment = Map.of("BARLAKE_LAKE", lake.toString());
        TradingCalendar calendar = TradingCalendar.nyse();
        Map<LocalDate, DailyCheckpoint.Session> sessions = new TreeMap<>();
        int i = 0;
        for (LocalDate day : calendar.sessionsBetween(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31))) {
            double walk = (100 + i % 7) * (day.isBefore(SPLIT) ? 2 : 1);
            raw.add(new DailyBar("RUN", day, 50 + i * 0.01, 51 + i * 0.01, 49 + i * 0.01, 50.5 + i * 0.01, 2_000_000, 50.2 + i * 0.01,
                    null, "synthetic", Instant.parse("2025-01-02T00:00:00Z")));
            raw.add(new DailyBar("WALK", day, walk, walk * 1.02, walk * 0.98, walk * 1.01, 1_000_000, walk, null, "synthetic",
                    Instant.parse("2025-01-02T00:00:00Z")));
            sessions.put(day, new DailyCheckpoint.Session("x", 2, 2, 2, 2, 0, "polygon"));
            i++;
        }
        try (LocalObjectStore store = new LocalObjectStore(lake)) {
            ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(2024), raw);
            ParquetCodec.SPLITS.write(store, LakeLayout.SILVER_SPLITS, List.of(new Split("WALK", SPLIT, 1, 2)));
            new StateStore(store, CliRun.CLOCK).saveCheckpoint(DailyCheckpoint.NAME, new DailyCheckpoint(sessions, Map.of()));
            new Resampler(store, calendar, CliRun.CLOCK).resample(Timeframe.D5);
        }
    }

    @Test
    void dailyBarsGoOutSplitAdjustedAsCsvAndDuckDbReadsTheSameNumbers() throws Exception {
        CliRun run = CliRun.execute(environment, "export", "--dataset", "daily", "--symbols", "walk", "--from", "2024-06-03",
                "--to", "2024-06-14");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("symbol,date,open,high,low,close,volume,vwap");
        assertThat(lines).hasSize(1 + 10).allSatisfy(line -> assertThat(line).doesNotContain("RUN"));
        DailyBar before = raw.stream().filter(bar -> bar.symbol().equals("WALK") && bar.date().equals(LocalDate.of(2024, 6, 7)))
                .findFirst().orElseThrow();
        assertThat(lines).contains("WALK,2024-06-07," + before.open() / 2 + "," + before.high() / 2 + "," + before.low() / 2 + ","
                + before.close() / 2 + "," + before.volume() * 2 + "," + before.vwap() / 2);

        Path csv = folder.resolve("walk.csv");
        Files.writeString(csv, run.out());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*), sum(close), min(date) FROM read_csv_auto('" + csv + "')")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(10);
            assertThat(rows.getString(3)).isEqualTo("2024-06-03");
        }
    }

    @Test
    void everyDatasetGoesToParquetThatDuckDbReadsRowForRow() throws Exception {
        for (String dataset : List.of("daily", "5d")) {
            Path file = folder.resolve(dataset + ".parquet");
            CliRun run = CliRun.execute(environment, "export", "--dataset", dataset, "--output", file.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).startsWith("Wrote ");
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
                ResultSet schema = sql.executeQuery("DESCRIBE SELECT * FROM '" + file + "'");
                List<String> columns = new ArrayList<>();
                while (schema.next()) {
                    columns.add(schema.getString(1) + " " + schema.getString(2));
                }
                if (dataset.equals("daily")) {
                    assertThat(columns).startsWith("symbol VARCHAR", "date DATE", "open DOUBLE");
                    ResultSet rows = sql.executeQuery("SELECT count(*), count(DISTINCT symbol), max(close) FILTER (WHERE symbol = 'WALK' "
                            + "AND date < DATE '" + SPLIT + "') FROM '" + file + "'");
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(raw.size());
                    assertThat(rows.getInt(2)).isEqualTo(2);
                    assertThat(rows.getDouble(3)).as("split-adjusted before the split").isLessThan(110);
                } else {
                    assertThat(columns).startsWith("symbol VARCHAR", "start DATE", "end DATE", "sessions INTEGER", "complete BOOLEAN");
                    try (LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"))) {
                        int stored = store.list(LakeLayout.barsPrefix(Timeframe.D5)).stream()
                                .mapToInt(info -> ParquetCodec.RESAMPLED.read(store, info.key()).size()).sum();
                        ResultSet rows = sql.executeQuery("SELECT count(*) FROM '" + file + "'");
                        rows.next();
                        assertThat(rows.getInt(1)).isEqualTo(stored);
                    }
                }
            }
        }
    }

    @Test
    void badRequestsGetOneLineNamingWhatWasWrongAndWriteNothing() {
        CliRun unknown = CliRun.execute(environment, "export", "--dataset", "weekly");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).singleElement().asString().contains("--dataset", "weekly",
                "daily, 3d, 5d, 8d, 13d, 21d, 34d, market, signals");

        Path file = folder.resolve("out.parquet");
        CliRun noFile = CliRun.execute(environment, "export", "--dataset", "daily", "--format", "parquet");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.errLines()).singleElement().asString().contains("--output");

        CliRun raw5d = CliRun.execute(environment, "export", "--dataset", "5d", "--adjustment", "raw");
        assertThat(raw5d.exitCode()).isEqualTo(2);
        assertThat(raw5d.errLines()).singleElement().asString().contains("--adjustment", "only daily bars");

        CliRun nothing = CliRun.execute(environment, "export", "--dataset", "daily", "--symbols", "NOPE", "--output", file.toString());
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.errLines()).singleElement().asString().startsWith("barlake: Nothing to export: the lake has no daily rows for NOPE");
        assertThat(file).doesNotExist();
        assertThat(folder.toFile().list((dir, name) -> name.endsWith(".partial"))).isEmpty();
    }
}
