package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.analytics.series.BarSeries;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.signals.series.LakeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/query.md's DuckDB examples, run as written against a lake {@code barlake run} built: each
 * answers rows, and the split-adjusting SQL gives Barlake's own split-adjusted closes.
 */
class QueryDocsTest {
    private static final Pattern DUCKDB_BLOCK = Pattern.compile("```sql duckdb\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path folder;

    @Test
    void theDuckDbExamplesRunAsWrittenAndTheSplitAdjustedClosesAreBarlakes() throws Exception {
        Path lake = folder.resolve("lake");
        Map<String, String> environment = new HashMap<>();
        environment.put("BARLAKE_LAKE", lake.toString());
        environment.put("BARLAKE_SYNTHETIC_SYMBOLS", "60");
        CliRun run = CliRun.execute(environment, "run", "--history", "504");
        assertThat(run.exitCode()).as(run.err()).isZero();

        String page = Files.readString(Path.of("..", "docs", "query.md"));
        List<String> examples = new ArrayList<>();
        Matcher block = DUCKDB_BLOCK.matcher(page);
        while (block.find()) {
            examples.add(block.group(1).replace("'lake/", "'" + lake.toAbsolutePath() + "/"));
        }
        assertThat(examples).hasSize(4);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckdb.createStatement()) {
            for (String example : examples) {
                try (ResultSet rows = sql.executeQuery(example)) {
                    assertThat(rows.next()).as(example).isTrue();
                }
            }
            // The second example against Barlake's reading of the same lake, for every symbol that split.
            Map<String, Map<LocalDate, Double>> adjusted = new HashMap<>();
            try (ResultSet rows = sql.executeQuery(examples.get(1))) {
                while (rows.next()) {
                    adjusted.computeIfAbsent(rows.getString("symbol"), s -> new HashMap<>())
                            .put(rows.getObject("date", LocalDate.class), rows.getDouble("adjusted_close"));
                }
            }
            List<String> split = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT DISTINCT symbol FROM read_parquet('"
                    + lake.resolve(io.barlake.lake.layout.LakeLayout.SILVER_SPLITS).toAbsolutePath() + "') ORDER BY symbol")) {
                while (rows.next()) {
                    split.add(rows.getString(1));
                }
            }
            assertThat(split).as("symbols that split in two years of the synthetic market").isNotEmpty();
            try (LocalObjectStore store = new LocalObjectStore(lake)) {
                for (String symbol : split) {
                    BarSeries bars = LakeSeries.load(store, symbol, Timeframe.D1, null, null, CliRun.CLOCK);
                    assertThat(adjusted.get(symbol)).as(symbol).hasSize(bars.size());
                    for (int i = 0; i < bars.size(); i++) {
                        assertThat(adjusted.get(symbol).get(bars.dates()[i])).as(symbol + " " + bars.dates()[i])
                                .isCloseTo(bars.close()[i], within(1e-9 * bars.close()[i]));
                    }
                }
            }
        }
    }
}
