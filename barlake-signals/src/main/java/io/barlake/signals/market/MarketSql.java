package io.barlake.signals.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
