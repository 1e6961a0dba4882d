package io.barlake.serving.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.parquet.MarketColumns.Flag;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.http.ApiException;
import io.barlake.signals.market.MarketReader;
import io.barlake.signals.market.MarketSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * The market datasets of a session (the latest by default): its summary, and its symbols' rows,
 * optionally only those a filter keeps, in symbol order.
 */
public final class MarketService {
    /** What {@code filter=} may name, and the rows each keeps. */
    public enum Filter {
        VOLUME_SPIKE((rows, i) -> rows.flag(Flag.VOLUME_SPIKE, i)),
        BIG_MOVE((rows, i) -> rows.flag(Flag.BIG_MOVE, i)),
        GAP(MarketSummary::isGap),
        NEW_HIGH((rows, i) -> rows.flag(Flag.NEW_HIGH, i)),
        NEW_LOW((rows, i) -> rows.flag(Flag.NEW_LOW, i)),
        UP((rows, i) -> rows.trend(i).equals("up")),
        DOWN((rows, i) -> rows.trend(i).equals("down"));

        private final BiPredicate<MarketColumns, Integer> keeps;

        Filter(BiPredicate<MarketColumns, Integer> keeps) {
            this.keeps = keeps;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws ApiException 400 naming the filters there are */
        public static Filter parse(String label) {
            return Arrays.stream(values()).filter(filter -> filter.label().equals(label.strip().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("'filter' must be one of " + String.join(", ",
                            Arrays.stream(values()).map(Filter::label).toList())));
        }
    }

    /** A session's rows as asked: their indexes in {@code rows}, in symbol order. */
    public record Symbols(LocalDate session, MarketColumns rows, List<Integer> kept) {}

    private final MarketReader reader;

    public MarketService(ObjectStore store) {
        this.reader = new MarketReader(store);
    }

    /** @throws ApiException 404 when the session has no market datasets, naming the range there is */
    public JsonNode summary(LocalDate asked) {
        LocalDate session = session(asked);
        return reader.summary(session).orElseThrow(() -> missing(session));
    }

    /** The session's market report page; 404 as {@link #summary}. */
    public byte[] report(LocalDate asked) {
        LocalDate session = session(asked);
        return reader.report(session).orElseThrow(() -> missing(session));
    }

    /** The rows of the session that {@code filter} keeps (all when null) after {@code after} (a page's last symbol), in order. */
    public Symbols symbols(LocalDate asked, Filter filter, String after) {
        LocalDate session = session(asked);
        MarketColumns rows = reader.symbols(session).orElseThrow(() -> missing(session));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if ((after == null || rows.symbol(i).compareTo(after) > 0) && (filter == null || filter.keeps.test(rows, i))) {
                kept.add(i);
            }
        }
        return new Symbols(session, rows, kept);
    }

    private LocalDate session(LocalDate asked) {
        if (asked != null) {
            return asked;
        }
        TreeSet<LocalDate> sessions = reader.sessions();
        if (sessions.isEmpty()) {
            throw ApiException.notFound("No market datasets yet: the nightly run writes them after the scan");
        }
        return sessions.last();
    }

    private ApiException missing(LocalDate session) {
        TreeSet<LocalDate> sessions = reader.sessions();
        return ApiException.notFound("No market datasets for " + session + (sessions.isEmpty() ? ""
                : "; the lake has them from " + sessions.first() + " to " + sessions.last()));
    }
}
