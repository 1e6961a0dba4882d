package io.barlake.lake.read;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.TickerSegment;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.ObjectStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The symbol map of {@code silver/symbol_map} read back: which tickers a security had, and when.
 * A ticker names the security that holds it last (the row without an end, else the latest), and
 * its history is every row of that security's composite FIGI, oldest first.
 */
public final class SymbolMap {
    private final List<TickerSegment> segments;

    private SymbolMap(List<TickerSegment> segments) {
        this.segments = List.copyOf(requireNonNull(segments, "segments is null"));
    }

    /** The lake's symbol map; empty when it has none. */
    public static SymbolMap load(ObjectStore store) {
        return new SymbolMap(store.head(LakeLayout.SILVER_SYMBOL_MAP).isPresent()
                ? ParquetCodec.SYMBOL_MAP.read(store, LakeLayout.SILVER_SYMBOL_MAP) : List.of());
    }

    public static SymbolMap of(List<TickerSegment> segments) {
        return new SymbolMap(segments);
    }

    /**
     * The tickers of the security {@code symbol} names, oldest first (FB then META for META or
     * FB); empty when the map does not know the ticker. A ticker used by two securities names the
     * one that holds it last.
     */
    public List<TickerSegment> history(String symbol) {
        Optional<TickerSegment> latest = segments.stream().filter(segment -> segment.symbol().equals(symbol))
                .max(Comparator.comparing((TickerSegment segment) -> segment.until() == null)
                        .thenComparing(TickerSegment::from));
        return latest.map(named -> segments.stream().filter(segment -> segment.compositeFigi().equals(named.compositeFigi()))
                .sorted(Comparator.comparing(TickerSegment::from)).toList()).orElse(List.of());
    }
}
