package io.barlake.consolidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.bronze.ReferenceFile;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Symbols;
import io.barlake.lake.model.TickerSegment;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Bronze ticker histories into the symbol map ({@code silver/symbol_map}), each rename checked
 * against the bars around its date. The vendor dates an event by the day the new ticker became
 * effective, and its own recorded META event says 2022-06-11, a Saturday after META had traded two
 * sessions: so the prices decide the boundary. A rename from {@code O} to {@code N} dated {@code D}
 * is confirmed when {@code O} traded within {@value #WINDOW} sessions before {@code D}, stopped
 * within {@value #WINDOW} sessions after it, and {@code N} has a bar within {@value #START_SLACK}
 * sessions of the session after {@code O}'s last: {@code O} then ends with its last bar and
 * {@code N} begins the session after. With no bar of either ticker near {@code D} (a rename outside
 * the lake's history) the vendor's date stands. Otherwise the rename is refused to
 * {@code silver/corporate_action_rejects/ticker_changes.jsonl} with its reason, and the security's
 * history starts after it: a reader never stitches across a rename the prices contradict.
 *
 * <p>The map is rebuilt from every bronze snapshot on each run (the newest record of a security
 * wins), so a rename refused while the new ticker had not traded yet is confirmed on a later run.
 */
final class TickerChangeLoader {
    /** Sessions either side of the vendor's date searched for the old ticker's last bar. */
    static final int WINDOW = 10;
    /** Sessions after the old ticker's last bar within which the new ticker must trade. */
    static final int START_SLACK = 2;

    /**
     * What loading did.
     *
     * @param written   true when {@code silver/symbol_map} was rewritten
     * @param confirmed renames the prices confirm (or that lie outside the lake's history)
     * @param refused   renames and records refused
     * @param objects   objects written
     */
    record Outcome(boolean written, int confirmed, int refused, int objects) {}

    private record Change(String figi, String from, String to, LocalDate vendorDate) {}

    private final ObjectStore store;
    private final TradingCalendar calendar;

    TickerChangeLoader(ObjectStore store, TradingCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    /** @param latest the latest session in silver daily, or {@code null} when it is empty */
    Outcome load(LocalDate latest, Consumer<String> warnings) {
        List<ObjectInfo> snapshots = store.list(LakeLayout.BRONZE_TICKER_EVENTS).stream()
                .filter(info -> LakeLayout.dateOf(info.key()).map(LakeLayout::bronzeTickerEvents).filter(info.key()::equals).isPresent())
                .sorted(Comparator.comparing((ObjectInfo info) -> info.key())).toList();
        if (snapshots.isEmpty()) {
            return new Outcome(false, 0, 0, 0);
        }
        Map<String, JsonNode> newest = new TreeMap<>();
        List<ObjectNode> refused = new ArrayList<>();
        for (ObjectInfo snapshot : snapshots) {
            for (JsonNode security : read(snapshot).results()) {
                String figi = security.path("composite_figi").asText("");
                if (figi.isBlank()) {
                    refused.add(refusal(null, security.path("name").asText(""), null, "no composite_figi: the security cannot be followed",
                            security));
                } else {
                    newest.put(figi, security);
                }
            }
        }
        List<TickerSegment> segments = new ArrayList<>();
        int confirmed = 0;
        for (Map.Entry<String, JsonNode> security : newest.entrySet()) {
            TreeMap<LocalDate, String> tickers = tickers(security.getKey(), security.getValue(), refused);
            List<Map.Entry<LocalDate, String>> events = new ArrayList<>(tickers.entrySet());
            List<TickerSegment> history = new ArrayList<>();
            LocalDate start = events.isEmpty() ? null : events.get(0).getKey();
            for (int i = 1; i <= events.size(); i++) {
                String ticker = events.get(i - 1).getValue();
                if (i == events.size()) {
                    history.add(new TickerSegment(ticker, security.getKey(), start, null));
                    break;
                }
                Change change = new Change(security.getKey(), ticker, events.get(i).getValue(), events.get(i).getKey());
                Verdict verdict = judge(change, latest);
                if (verdict.boundary() == null) {
                    refused.add(refusal(security.getKey(), change.to(), change.vendorDate(), verdict.reason(), security.getValue()));
                    history.clear(); // nothing before a contradicted rename is stitched to what follows
                    start = change.vendorDate();
                    continue;
                }
                confirmed++;
                LocalDate until = verdict.boundary().minusDays(1);
                if (!until.isBefore(start)) {
                    history.add(new TickerSegment(ticker, security.getKey(), start, until));
                }
                start = verdict.boundary();
            }
            segments.addAll(history);
        }
        List<TickerSegment> previous = store.head(LakeLayout.SILVER_SYMBOL_MAP).isPresent()
                && ParquetCodec.SYMBOL_MAP.isReadable(store, LakeLayout.SILVER_SYMBOL_MAP)
                ? ParquetCodec.SYMBOL_MAP.read(store, LakeLayout.SILVER_SYMBOL_MAP) : null;
        List<TickerSegment> rows = segments.stream()
                .sorted(Comparator.comparing(TickerSegment::symbol).thenComparing(TickerSegment::from)).toList();
        int objects = 0;
        boolean written = false;
        if (!rows.equals(previous)) {
            ParquetCodec.SYMBOL_MAP.write(store, LakeLayout.SILVER_SYMBOL_MAP, rows);
            written = true;
            objects++;
        }
        objects += JsonLinesFile.write(store, LakeLayout.SILVER_TICKER_CHANGE_REJECTS, refused) ? 1 : 0;
        if (!refused.isEmpty()) {
            warnings.accept(refused.size() + " ticker changes were refused; reasons in " + LakeLayout.SILVER_TICKER_CHANGE_REJECTS);
        }
        return new Outcome(written, confirmed, refused.size(), objects);
    }

    /** The security's tickers by the date each became effective; malformed events are refused. */
    private static TreeMap<LocalDate, String> tickers(String figi, JsonNode security, List<ObjectNode> refused) {
        TreeMap<LocalDate, String> tickers = new TreeMap<>();
        for (JsonNode event : security.path("events")) {
            if (!event.path("type").asText("").equals("ticker_change")) {
                continue;
            }
            String ticker = Symbols.clean(event.path("ticker_change").path("ticker").asText(null));
            LocalDate date;
            try {
                date = LocalDate.parse(event.path("date").asText(""));
            } catch (DateTimeParseException e) {
                refused.add(refusal(figi, ticker, null, "event date '" + event.path("date").asText("") + "' is not a date", security));
                continue;
            }
            if (!Symbols.isValid(ticker)) {
                refused.add(refusal(figi, ticker, date, "ticker '" + ticker + "' is not a valid ticker", security));
                continue;
            }
            tickers.put(date, ticker);
        }
        return tickers;
    }

    /** The first session under the new ticker, or {@code null} with the reason the prices contradict the rename. */
    private record Verdict(LocalDate boundary, String reason) {}

    private Verdict judge(Change change, LocalDate latest) {
        LocalDate anchor = calendar.sessionOnOrAfter(change.vendorDate());
        LocalDate first = anchor;
        LocalDate last = anchor;
        for (int i = 0; i < WINDOW; i++) {
            first = calendar.previousSession(first);
            last = calendar.nextSession(last);
        }
        TreeSet<LocalDate> before = traded(change.from(), first, last);
        TreeSet<LocalDate> after = traded(change.to(), first, last);
        if (before.isEmpty() && after.isEmpty()) {
            return new Verdict(anchor, null); // outside the lake's history: the vendor's date stands
        }
        String what = change.from() + " to " + change.to() + " dated " + change.vendorDate();
        if (before.isEmpty()) {
            return new Verdict(null, what + ": " + change.from() + " has no bar within " + WINDOW + " sessions of that date");
        }
        LocalDate lastOld = before.last();
        if (!lastOld.isBefore(last) || latest != null && !lastOld.isBefore(latest)) {
            return new Verdict(null, what + ": " + change.from() + " still trades on " + lastOld
                    + (latest != null && !lastOld.isBefore(latest) ? ", the lake's latest session" : ", " + WINDOW + " sessions later"));
        }
        LocalDate boundary = calendar.nextSession(lastOld);
        LocalDate slack = boundary;
        for (int i = 0; i < START_SLACK; i++) {
            slack = calendar.nextSession(slack);
        }
        LocalDate firstNew = after.ceiling(boundary);
        if (firstNew == null || firstNew.isAfter(slack)) {
            return new Verdict(null, what + ": " + change.to() + " has no bar within " + START_SLACK + " sessions after "
                    + change.from() + "'s last on " + lastOld);
        }
        return new Verdict(boundary, null);
    }

    /** The sessions in {@code [first, last]} on which silver has a bar of {@code symbol}. */
    private TreeSet<LocalDate> traded(String symbol, LocalDate first, LocalDate last) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            String key = LakeLayout.silverDaily(year);
            if (store.head(key).isEmpty()) {
                continue;
            }
            for (DailyBar bar : ParquetCodec.DAILY.readSymbol(store, key, symbol)) {
                if (!bar.date().isBefore(first) && !bar.date().isAfter(last)) {
                    dates.add(bar.date());
                }
            }
        }
        return dates;
    }

    private ReferenceFile read(ObjectInfo snapshot) {
        return ReferenceFile.read(store, snapshot.key());
    }

    private static ObjectNode refusal(String figi, String symbol, LocalDate date, String reason, JsonNode record) {
        ObjectNode line = LakeJson.mapper().createObjectNode();
        line.put("kind", "ticker_change");
        line.put("symbol", symbol == null ? "" : symbol);
        line.put("date", date == null ? "" : date.toString());
        line.put("composite_figi", figi == null ? "" : figi);
        line.put("status", "refused");
        line.put("reason", reason);
        line.set("record", record);
        return line;
    }
}
