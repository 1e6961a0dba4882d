package io.barlake.signals.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Split;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.parquet.MarketColumns.Figure;
import io.barlake.lake.parquet.MarketColumns.Flag;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.signals.SyntheticLake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB, an independent SQL engine, recomputes every column of {@code symbols.parquet} and the
 * breadth of {@code summary.json} from our silver daily and splits files, with the reference SQL
 * ({@link MarketSql}: window functions, and a recursive query for Wilder's RSI), for sessions
 * across a synthetic history with splits,
 * halts and new listings; the figures agree to 1e-9 relative (with an absolute floor of 1e-12 for
 * figures that are zero in one engine and a rounding away from it in the other).
 */
class MarketDuckDbParityIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate FIRST = LocalDate.of(2025, 3, 3);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 20);
    private static final String[] FIGURES = {"close", "change_pct", "volume", "avg_volume_20", "volume_ratio", "gap_pct",
        "return_5d", "return_21d", "volatility_21d", "rsi_14", "sma_50", "sma_200", "high_52w", "low_52w"};
    private static final String[] FLAGS = {"volume_spike", "big_move", "new_high", "new_low"};

    @TempDir
    static Path folder;
    static LocalObjectStore store;
    static List<Split> splits;

    @BeforeAll
    static void fill() {
        store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 150, FIRST, LAST, CLOCK);
        MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS);
        splits = ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS);
    }

    @Test
    void duckDbComputesTheSameFiguresAndBreadthFromSilverDaily() throws Exception {
        assertThat(splits).as("the history has splits").isNotEmpty();
        TradingCalendar calendar = TradingCalendar.nyse();
        List<LocalDate> sessions = calendar.sessionsBetween(FIRST, LAST);
        List<LocalDate> checked = new ArrayList<>(List.of(sessions.get(0), sessions.get(25), sessions.get(260), LAST));
        splits.stream().map(Split::executionDate).filter(date -> !date.isAfter(LAST)).limit(3).forEach(checked::add);
        splits.stream().map(split -> calendar.previousSession(split.executionDate())).filter(date -> !date.isBefore(FIRST)).limit(2)
                .forEach(checked::add);
        firstBars().values().stream().filter(date -> date.isAfter(FIRST)).distinct().limit(3).forEach(checked::add);

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            MarketSql.load(duck, folder.resolve("lake"), FIRST.minusYears(1), LAST, true);
            int compared = 0;
            boolean sawListing = false;
            for (LocalDate session : new TreeSet<>(checked)) {
                MarketColumns ours = ColumnarParquet.readMarket(store, LakeLayout.marketSymbols(session));
                Map<String, Object[]> theirs = duckRows(duck, session);
                assertThat(ours.size()).as("symbols on " + session).isEqualTo(theirs.size()).isPositive();
                for (int i = 0; i < ours.size(); i++) {
                    Object[] row = theirs.get(ours.symbol(i));
                    assertThat(row).as(ours.symbol(i) + " on " + session).isNotNull();
                    for (Figure figure : Figure.values()) {
                        assertClose(ours.figure(figure, i), (Double) row[figure.ordinal()], ours.symbol(i) + " " + session + " "
                                + FIGURES[figure.ordinal()]);
                    }
                    for (Flag flag : Flag.values()) {
                        assertThat(ours.flag(flag, i)).as(ours.symbol(i) + " " + session + " " + FLAGS[flag.ordinal()])
                                .isEqualTo(row[FIGURES.length + flag.ordinal()]);
                    }
                    assertThat(ours.trend(i)).as(ours.symbol(i) + " " + session + " trend").isEqualTo(row[FIGURES.length + FLAGS.length]);
                    sawListing |= Double.isNaN(ours.figure(Figure.CHANGE_PCT, i)) && session.isAfter(FIRST);
                    compared++;
                }
                assertBreadth(duck, session);
            }
            assertThat(compared).as("rows compared").isGreaterThan(1000);
            assertThat(sawListing).as("a new listing: no previous close after the first session").isTrue();
        }
    }

    /** Each symbol's first daily bar: those after the first session are new listings. */
    private static Map<String, LocalDate> firstBars() {
        Map<String, LocalDate> first = new TreeMap<>();
        for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
            DailyColumns daily = ColumnarParquet.readDaily(store, LakeLayout.silverDaily(year));
            for (int i = 0; i < daily.size(); i++) {
                first.putIfAbsent(daily.symbol(i), LocalDate.ofEpochDay(daily.date(i)));
            }
        }
        return first;
    }

    private static Map<String, Object[]> duckRows(Connection duck, LocalDate session) throws Exception {
        Map<String, Object[]> rows = new TreeMap<>();
        try (PreparedStatement query = duck.prepareStatement("SELECT * FROM figures WHERE date = ? ORDER BY symbol")) {
            query.setObject(1, session);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[FIGURES.length + FLAGS.length + 1];
                    for (int f = 0; f < FIGURES.length; f++) {
                        double value = result.getDouble(FIGURES[f]);
                        row[f] = result.wasNull() ? Double.NaN : value;
                    }
                    for (int f = 0; f < FLAGS.length; f++) {
                        row[FIGURES.length + f] = result.getBoolean(FLAGS[f]);
                    }
                    row[FIGURES.length + FLAGS.length] = result.getString("trend");
                    rows.put(result.getString("symbol"), row);
                }
            }
        }
        return rows;
    }

    private static void assertBreadth(Connection duck, LocalDate session) throws Exception {
        JsonNode summary = LakeJson.mapper().readTree(store.get(LakeLayout.marketSummary(session)).orElseThrow());
        JsonNode breadth = summary.path("breadth");
        try (PreparedStatement query = duck.prepareStatement("""
                SELECT count(*) FILTER (WHERE change_pct > 0) AS advancers, count(*) FILTER (WHERE change_pct < 0) AS decliners,
                       count(*) FILTER (WHERE change_pct = 0) AS unchanged, count(*) FILTER (WHERE new_high) AS new_highs,
                       count(*) FILTER (WHERE new_low) AS new_lows,
                       100.0 * count(*) FILTER (WHERE close > sma_50) / count(sma_50) AS pct_above_sma_50,
                       100.0 * count(*) FILTER (WHERE close > sma_200) / nullif(count(sma_200), 0) AS pct_above_sma_200,
                       median(change_pct) AS median_change_pct, count(*) AS symbols
                FROM figures WHERE date = ?""")) {
            query.setObject(1, session);
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(summary.path("symbols").asInt()).isEqualTo(result.getInt("symbols"));
                for (String count : List.of("advancers", "decliners", "unchanged", "new_highs", "new_lows")) {
                    assertThat(breadth.path(count).asInt()).as(session + " " + count).isEqualTo(result.getInt(count));
                }
                for (String figure : List.of("pct_above_sma_50", "pct_above_sma_200", "median_change_pct")) {
                    double value = result.getDouble(figure);
                    double expected = result.wasNull() ? Double.NaN : value;
                    double actual = breadth.path(figure).isNull() ? Double.NaN : breadth.path(figure).asDouble();
                    assertClose(actual, expected, session + " " + figure);
                }
            }
        }
    }

    private static void assertClose(double ours, double theirs, String what) {
        if (Double.isNaN(ours) || Double.isNaN(theirs)) {
            assertThat(ours).as(what + " (null in both)").isNaN();
            assertThat(theirs).as(what + " (null in both)").isNaN();
            return;
        }
        double scale = Math.max(Math.max(Math.abs(ours), Math.abs(theirs)), 1e-3);
        assertThat(Math.abs(ours - theirs)).as(what + ": ours " + ours + ", DuckDB " + theirs).isLessThanOrEqualTo(1e-9 * scale);
    }
}
