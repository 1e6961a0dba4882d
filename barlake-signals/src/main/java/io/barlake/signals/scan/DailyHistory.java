package io.barlake.signals.scan;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.read.SymbolBars;
import io.barlake.lake.read.SymbolBarsBuilder;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every symbol's raw daily bars (as silver holds them, unadjusted) from its first session up to a
 * given one, read year file by year file, column by column. The signals are computed over the
 * whole history, so a session's signal does not depend on when it was computed.
 */
final class DailyHistory {
    private DailyHistory() {}

    /** @param only the symbols to keep; empty for all */
    static Map<String, SymbolBars> load(ObjectStore store, LocalDate upTo, Set<String> only) {
        Set<Integer> years = new TreeSet<>();
        store.list(LakeLayout.SILVER_DAILY).forEach(info -> LakeLayout.yearOf(info.key())
                .filter(year -> year <= upTo.getYear() && info.key().equals(LakeLayout.silverDaily(year))).ifPresent(years::add));
        Map<String, SymbolBarsBuilder> bySymbol = new TreeMap<>();
        int last = (int) upTo.toEpochDay();
        for (int year : years) {
            DailyColumns columns = ColumnarParquet.readDaily(store, LakeLayout.silverDaily(year));
            for (int i = 0; i < columns.size(); i++) {
                String symbol = columns.symbol(i);
                if (columns.date(i) <= last && (only.isEmpty() || only.contains(symbol))) {
                    bySymbol.computeIfAbsent(symbol, s -> new SymbolBarsBuilder()).add(LocalDate.ofEpochDay(columns.date(i)),
                            columns.open(i), columns.high(i), columns.low(i), columns.close(i), columns.volume(i));
                }
            }
        }
        Map<String, SymbolBars> history = new TreeMap<>();
        bySymbol.forEach((symbol, builder) -> history.put(symbol, builder.build(symbol)));
        return history;
    }
}
