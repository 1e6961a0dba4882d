package io.barlake.signals.market;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.TreeSet;

/** Reads the market datasets back: which sessions have them, a session's summary, its per-symbol rows. */
public final class MarketReader {
    private final ObjectStore store;

    public MarketReader(ObjectStore store) {
        this.store = store;
    }

    /** The sessions with a market summary, oldest first. */
    public TreeSet<LocalDate> sessions() {
        TreeSet<LocalDate> sessions = new TreeSet<>();
        for (ObjectInfo info : store.list(LakeLayout.GOLD_MARKET)) {
            LakeLayout.dateOf(info.key()).filter(session -> info.key().equals(LakeLayout.marketSummary(session)))
                    .ifPresent(sessions::add);
        }
        return sessions;
    }

    /** {@code summary.json} of a session, when it has one. */
    public Optional<JsonNode> summary(LocalDate session) {
        return store.get(LakeLayout.marketSummary(session)).map(bytes -> {
            try {
                return LakeJson.mapper().readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + LakeLayout.marketSummary(session), e);
            }
        });
    }

    /** {@code symbols.parquet} of a session, when it has one. */
    public Optional<MarketColumns> symbols(LocalDate session) {
        String key = LakeLayout.marketSymbols(session);
        return store.head(key).isEmpty() ? Optional.empty() : Optional.of(ColumnarParquet.readMarket(store, key));
    }

    /** The session's market report ({@code gold/reports/date=D/market.html}), when it has one. */
    public Optional<byte[]> report(LocalDate session) {
        return store.get(LakeLayout.marketReport(session));
    }
}
