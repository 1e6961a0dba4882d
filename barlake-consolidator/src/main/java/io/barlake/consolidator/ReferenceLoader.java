package io.barlake.consolidator;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.bronze.ReferenceFile;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.InvalidRecordException;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.Symbols;
import io.barlake.lake.model.TickerInfo;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads the newest bronze ticker snapshot into {@code silver/tickers}, rewritten only when its
 * content changed, and reads the newest split snapshot's records for {@link SplitVerification}.
 * Records that cannot be read (bad ticker, missing date, zero ratio) are skipped with a count in
 * the warnings; a (symbol, date) listed twice keeps the first.
 */
final class ReferenceLoader {
    /**
     * @param splitCandidates the newest snapshot's splits, to be verified against the prices; empty
     *                        when bronze holds no split snapshot
     */
    record Outcome(boolean tickersWritten, Optional<List<Split>> splitCandidates, List<String> warnings) {}

    private final ObjectStore store;

    ReferenceLoader(ObjectStore store) {
        this.store = store;
    }

    Outcome load() {
        List<String> warnings = new ArrayList<>();
        boolean tickersWritten = newest(LakeLayout.BRONZE_TICKERS).map(file -> writeTickers(file, warnings)).orElse(false);
        Optional<List<Split>> splits = newest(LakeLayout.BRONZE_SPLITS).map(file -> splitCandidates(file, warnings));
        return new Outcome(tickersWritten, splits, warnings);
    }

    private Optional<ReferenceFile> newest(String prefix) {
        return store.list(prefix).stream()
                .filter(info -> LakeLayout.dateOf(info.key()).isPresent())
                .max(Comparator.comparing((ObjectInfo info) -> LakeLayout.dateOf(info.key()).orElseThrow()))
                .map(info -> ReferenceFile.read(store, info.key()));
    }

    private boolean writeTickers(ReferenceFile file, List<String> warnings) {
        Map<String, TickerInfo> tickers = new LinkedHashMap<>();
        int skipped = 0;
        for (JsonNode record : file.results()) {
            try {
                String symbol = Symbols.requireValid(Symbols.clean(record.path("ticker").asText(null)));
                String delisted = text(record, "delisted_utc");
                tickers.putIfAbsent(symbol, new TickerInfo(symbol, Objects.requireNonNullElse(text(record, "name"), ""),
                        text(record, "primary_exchange"), text(record, "type"), record.path("active").asBoolean(true),
                        text(record, "currency_name"), text(record, "cik"), text(record, "composite_figi"),
                        delisted == null ? null : LocalDate.parse(delisted.substring(0, 10))));
            } catch (InvalidRecordException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            warnings.add(skipped + " ticker records of " + file.asOf() + " could not be read and were skipped");
        }
        List<TickerInfo> rows = tickers.values().stream().sorted(Comparator.comparing(TickerInfo::symbol)).toList();
        if (store.head(LakeLayout.SILVER_TICKERS).isPresent()
                && ParquetCodec.TICKERS.read(store, LakeLayout.SILVER_TICKERS).equals(rows)) {
            return false;
        }
        ParquetCodec.TICKERS.write(store, LakeLayout.SILVER_TICKERS, rows);
        return true;
    }

    /** The split records of the snapshot, each (symbol, date) once, in the vendor's order; unreadable ones skipped. */
    private List<Split> splitCandidates(ReferenceFile file, List<String> warnings) {
        Map<String, Split> splits = new LinkedHashMap<>();
        int skipped = 0;
        for (JsonNode record : file.results()) {
            try {
                String symbol = Symbols.requireValid(Symbols.clean(record.path("ticker").asText(null)));
                Split split = new Split(symbol, LocalDate.parse(record.path("execution_date").asText("")),
                        record.path("split_from").asDouble(0), record.path("split_to").asDouble(0));
                splits.putIfAbsent(symbol + "|" + split.executionDate(), split);
            } catch (InvalidRecordException | DateTimeParseException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            warnings.add(skipped + " split records of " + file.asOf() + " could not be read and were skipped");
        }
        return List.copyOf(splits.values());
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() || !value.isTextual() ? null : value.asText();
    }
}
