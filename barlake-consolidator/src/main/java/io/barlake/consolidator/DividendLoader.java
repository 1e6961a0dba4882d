package io.barlake.consolidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.bronze.ReferenceFile;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.Symbols;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Bronze dividend snapshots into {@code silver/dividends}. Each snapshot holds a window of
 * ex-dates, so silver accumulates: the newest snapshot's records are merged into what silver holds,
 * a later record of the same (symbol, ex-date, type) replacing the earlier. Without a readable
 * silver file every snapshot is merged in date order, which rebuilds it. A record that cannot be a
 * cash dividend (no ticker, no ex-date, an amount not above zero, a currency other than USD) is
 * refused to {@code silver/corporate_action_rejects/dividends.jsonl} with its reason; a dividend the
 * vendor later withdraws stays in silver until a rebuild.
 */
final class DividendLoader {
    /** {@code CD} when the vendor gives no type. */
    static final String REGULAR = "CD";
    private static final Set<String> TYPES = Set.of("CD", "SC", "LT", "ST");

    /**
     * What loading did.
     *
     * @param written  true when {@code silver/dividends} was rewritten
     * @param refused  records of the snapshots read that were refused
     * @param objects  objects written
     */
    record Outcome(boolean written, int refused, int objects) {}

    private final ObjectStore store;

    DividendLoader(ObjectStore store) {
        this.store = store;
    }

    Outcome load(Consumer<String> warnings) {
        List<ObjectInfo> snapshots = store.list(LakeLayout.BRONZE_DIVIDENDS).stream()
                .filter(info -> LakeLayout.dateOf(info.key()).isPresent())
                .sorted(Comparator.comparing((ObjectInfo info) -> LakeLayout.dateOf(info.key()).orElseThrow())).toList();
        if (snapshots.isEmpty()) {
            return new Outcome(false, 0, 0);
        }
        Map<String, Dividend> dividends = new TreeMap<>();
        List<Dividend> previous = List.of();
        boolean readable = store.head(LakeLayout.SILVER_DIVIDENDS).isPresent()
                && ParquetCodec.DIVIDENDS.isReadable(store, LakeLayout.SILVER_DIVIDENDS);
        if (readable) {
            previous = ParquetCodec.DIVIDENDS.read(store, LakeLayout.SILVER_DIVIDENDS);
            previous.forEach(dividend -> dividends.put(key(dividend), dividend));
        } else if (store.head(LakeLayout.SILVER_DIVIDENDS).isPresent()) {
            warnings.accept(LakeLayout.SILVER_DIVIDENDS + " is unreadable; rebuilding it from every bronze dividend snapshot");
        }
        List<ObjectNode> refused = new ArrayList<>();
        for (ObjectInfo snapshot : readable ? snapshots.subList(snapshots.size() - 1, snapshots.size()) : snapshots) {
            refused.clear(); // the newest snapshot's refusals are the ones reported
            for (JsonNode record : read(snapshot).results()) {
                parse(record).ifPresentOrElse(dividend -> dividends.put(key(dividend), dividend),
                        () -> refused.add(refusal(record)));
            }
        }
        List<Dividend> rows = List.copyOf(dividends.values());
        int objects = 0;
        boolean written = false;
        if (!rows.equals(previous) || !readable) {
            ParquetCodec.DIVIDENDS.write(store, LakeLayout.SILVER_DIVIDENDS, rows);
            written = true;
            objects++;
        }
        objects += JsonLinesFile.write(store, LakeLayout.SILVER_DIVIDEND_REJECTS, refused) ? 1 : 0;
        if (!refused.isEmpty()) {
            warnings.accept(refused.size() + " dividend records could not be read as cash dividends; reasons in "
                    + LakeLayout.SILVER_DIVIDEND_REJECTS);
        }
        return new Outcome(written, refused.size(), objects);
    }

    private static String key(Dividend dividend) {
        return dividend.symbol() + "|" + dividend.exDate() + "|" + dividend.dividendType();
    }

    private ReferenceFile read(ObjectInfo snapshot) {
        return ReferenceFile.read(store, snapshot.key());
    }

    /** The dividend a record describes, or empty when it cannot be one (the reason is {@link #problem}). */
    static Optional<Dividend> parse(JsonNode record) {
        return problem(record) == null ? Optional.of(new Dividend(Symbols.clean(record.path("ticker").asText()),
                LocalDate.parse(record.path("ex_dividend_date").asText()), record.path("cash_amount").asDouble(),
                type(record))) : Optional.empty();
    }

    /** Why a record is not a cash dividend, or null when it is one. */
    static String problem(JsonNode record) {
        String ticker = Symbols.clean(record.path("ticker").asText(null));
        if (!Symbols.isValid(ticker)) {
            return "ticker '" + ticker + "' is not a valid ticker";
        }
        try {
            LocalDate.parse(record.path("ex_dividend_date").asText(""));
        } catch (DateTimeParseException e) {
            return "ex_dividend_date is missing or not a date";
        }
        JsonNode amount = record.get("cash_amount");
        if (amount == null || !amount.isNumber() || !(amount.asDouble() > 0) || !Double.isFinite(amount.asDouble())) {
            return "cash_amount must be a number > 0, was " + amount;
        }
        String currency = record.path("currency").asText("USD");
        if (!currency.equalsIgnoreCase("USD")) {
            return "paid in " + currency + ", not USD";
        }
        if (!TYPES.contains(type(record))) {
            return "dividend_type '" + type(record) + "' is not one of " + String.join(", ", TYPES.stream().sorted().toList());
        }
        try {
            new Dividend(ticker, LocalDate.parse(record.path("ex_dividend_date").asText()), amount.asDouble(), type(record));
        } catch (IllegalArgumentException e) { // InvalidRecordException among them
            return e.getMessage();
        }
        return null;
    }

    private static String type(JsonNode record) {
        return record.path("dividend_type").asText(REGULAR);
    }

    private static ObjectNode refusal(JsonNode record) {
        ObjectNode line = LakeJson.mapper().createObjectNode();
        line.put("kind", "dividend");
        line.put("symbol", record.path("ticker").asText(""));
        line.put("date", record.path("ex_dividend_date").asText(""));
        line.put("status", "refused");
        line.put("reason", problem(record));
        line.set("record", record);
        return line;
    }
}
