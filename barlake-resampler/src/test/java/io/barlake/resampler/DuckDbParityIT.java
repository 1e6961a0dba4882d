package io.barlake.resampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.testing.BronzeFixtures;
import io.barlake.lake.testing.RandomHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB, an independent SQL engine, reads our silver daily Parquet and computes the six
 * timeframes with SQL (session index from a calendar table, split factors from a splits table);
 * its rows agree with our resampled files row for row.
 */
class DuckDbParityIT {
    @TempDir
    Path folder;

    @Test
    void duckDbComputesTheSameBarsFromOurDailyFiles() throws Exception {
        Path lakeDir = folder.resolve("lake");
        LocalObjectStore store = new LocalObjectStore(lakeDir);
        RandomHistory history = new RandomHistory(7, 25, LocalDate.of(2023, 9, 1), LocalDate.of(2024, 3, 28));
        history.sessions().forEach((day, rows) -> BronzeFixtures.writeSession(store, day, BronzeFixtures.body(day, rows),
                Instant.parse("2024-04-01T00:00:00Z")));
        BronzeFixtures.writeSplits(store, LocalDate.of(2024, 3, 28), history.splits());
        Pipeline.run(store);
        LocalDate asOf = LocalDate.of(2024, 3, 28);

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement sql = duck.createStatement()) {
                sql.execute("CREATE TABLE calendar (session DATE, idx INTEGER)");
                sql.execute("CREATE TABLE splits (symbol VARCHAR, execution_date DATE, factor DOUBLE)");
            }
            try (PreparedStatement insert = duck.prepareStatement("INSERT INTO calendar VALUES (?, ?)")) {
                for (LocalDate day : Pipeline.CALENDAR.sessionsBetween(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31))) {
                    insert.setObject(1, day);
                    insert.setInt(2, Pipeline.CALENDAR.sessionIndex(day));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = duck.prepareStatement("INSERT INTO splits VALUES (?, ?, ?)")) {
                for (var split : history.splits()) {
                    insert.setString(1, split.symbol());
                    insert.setObject(2, split.executionDate());
                    insert.setDouble(3, split.factor());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            String daily = lakeDir.resolve("silver/daily").toString() + "/*/bars.parquet";
            for (Timeframe timeframe : Timeframe.resampled()) {
                int n = timeframe.sessions();
                String query = """
                        WITH adjusted AS (
                          SELECT d.symbol, d.date, c.idx // %1$d AS bucket,
                                 coalesce((SELECT product(s.factor) FROM splits s WHERE s.symbol = d.symbol
                                           AND s.execution_date > d.date AND s.execution_date <= DATE '%2$s'), 1) AS f,
                                 d.open, d.high, d.low, d.close, d.volume, d.vwap
                          FROM read_parquet('%3$s') d JOIN calendar c ON c.session = d.date)
                        SELECT a.symbol,
                               (SELECT session FROM calendar WHERE idx = a.bucket * %1$d) AS start_date,
                               (SELECT session FROM calendar WHERE idx = a.bucket * %1$d + %1$d - 1) AS end_date,
                               count(*) AS sessions,
                               arg_min(a.open / a.f, a.date) AS open,
                               max(a.high / a.f) AS high,
                               min(a.low / a.f) AS low,
                               arg_max(a.close / a.f, a.date) AS close,
                               sum(a.volume * a.f) AS volume
                        FROM adjusted a
                        GROUP BY a.symbol, a.bucket
                        ORDER BY a.symbol, start_date
                        """.formatted(n, asOf, daily);
                List<ResampledBar> ours = new ArrayList<>(Pipeline.bars(store).get(timeframe));
                ours.sort(Comparator.comparing(ResampledBar::symbol).thenComparing(ResampledBar::start));
                int row = 0;
                try (Statement sql = duck.createStatement(); ResultSet result = sql.executeQuery(query)) {
                    while (result.next()) {
                        ResampledBar bar = ours.get(row++);
                        String where = timeframe.label() + " " + bar.symbol() + " " + bar.start();
                        assertThat(result.getString("symbol")).as(where).isEqualTo(bar.symbol());
                        assertThat(result.getObject("start_date", LocalDate.class)).as(where).isEqualTo(bar.start());
                        assertThat(result.getObject("end_date", LocalDate.class)).as(where).isEqualTo(bar.end());
                        assertThat(result.getInt("sessions")).as(where).isEqualTo(bar.sessions());
                        assertThat(result.getDouble("open")).as(where).isEqualTo(bar.open());
                        assertThat(result.getDouble("high")).as(where).isEqualTo(bar.high());
                        assertThat(result.getDouble("low")).as(where).isEqualTo(bar.low());
                        assertThat(result.getDouble("close")).as(where).isEqualTo(bar.close());
                        assertThat(result.getDouble("volume")).as(where)
                                .isCloseTo(bar.volume(), org.assertj.core.data.Percentage.withPercentage(1e-9));
                    }
                }
                assertThat(row).as(timeframe.label() + " rows").isEqualTo(ours.size()).isPositive();
            }
        }
        assertThat(store.list(LakeLayout.barsPrefix(Timeframe.D34))).isNotEmpty();
    }
}
