package io.barlake.signals.market;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The market datasets' per-symbol figures as SQL ({@code market-figures.sql}, DuckDB's dialect):
 * the reference a user can run over silver daily to check or extend {@code symbols.parquet}, and
 * what the parity test and the benchmark hand to DuckDB. The statements create the views {@code w}
 * (the bars on the fixed split basis), {@code rsi} and {@code figures} (one row per symbol and
 * session, the columns of {@code symbols.parquet}) over {@code d}, {@code s} and {@code calendar},
 * which the caller creates first (see the file's header); a query of {@code figures} is one
 * pipeline, nothing is materialized on the way.
 */
public final class MarketSql {
    private static final String RESOURCE = "market-figures.sql";
    /** What stands in for RSI when it is left out: no rows, so {@code rsi_14} is null throughout. */
    private static final String NO_RSI = "CREATE VIEW rsi AS SELECT NULL::VARCHAR AS symbol, NULL::BIGINT AS rn, NULL::DOUBLE AS rsi_14 "
            + "WHERE false";

    private MarketSql() {}

    /**
     * Creates the inputs in a DuckDB connection: views {@code d} over the lake's silver daily files
     * and {@code s} over its verified splits executed on or before {@code last}, and the table
     * {@code calendar} of NYSE sessions from {@code from} to {@code last}; then the statements.
     */
    public static void load(Connection duck, Path lake, LocalDate from, LocalDate last, boolean rsi) throws SQLException {
        try (Statement sql = duck.createStatement()) {
            sql.execute("CREATE TABLE calendar (session DATE, idx INTEGER)");
            try (PreparedStatement insert = duck.prepareStatement("INSERT INTO calendar VALUES (?, ?)")) {
                TradingCalendar calendar = TradingCalendar.nyse();
                for (LocalDate day : calendar.sessionsBetween(from, last)) {
                    insert.setObject(1, day);
                    insert.setInt(2, calendar.sessionIndex(day));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            sql.execute("CREATE VIEW d AS SELECT symbol, date, open, high, low, close, volume FROM read_parquet('"
                    + lake.resolve(LakeLayout.SILVER_DAILY) + "/*/bars.parquet')");
            sql.execute("CREATE VIEW s AS SELECT symbol, execution_date, split_to::DOUBLE / split_from AS ratio FROM read_parquet('"
                    + lake.resolve(LakeLayout.SILVER_SPLITS) + "') WHERE execution_date <= DATE '" + last + "'");
            for (String statement : statements(rsi)) {
                sql.execute(statement);
            }
        }
    }

    /**
     * The statements in order; without RSI when {@code rsi} is false (Wilder's recursion takes a
     * recursive query, which is slow over millions of rows).
     */
    public static List<String> statements(boolean rsi) {
        String text;
        try (InputStream in = MarketSql.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.split(";\\s*\\n")) {
            String sql = Arrays.stream(statement.split("\n")).filter(line -> !line.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n").strip();
            if (!sql.isEmpty()) {
                statements.add(!rsi && sql.startsWith("CREATE VIEW rsi") ? NO_RSI : sql);
            }
        }
        return statements;
    }
}
