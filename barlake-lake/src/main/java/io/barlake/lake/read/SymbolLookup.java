package io.barlake.lake.read;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the ticker a user means. Tickers are stored exactly as the vendor writes them
 * ({@code KIMpL}, {@code BRK.A}), so a lookup is exact first; when the exact spelling is not a known
 * ticker, a case-insensitive match is taken if it names exactly one ({@code kimpl} finds
 * {@code KIMpL}). Two tickers differing only in case make a case-insensitive ask an error that
 * names both. Known tickers are those of the latest reference data ({@code silver/tickers}) and
 * those traded in the newest {@code silver/daily} year (its symbol column only), read on a miss.
 */
public final class SymbolLookup {
    private SymbolLookup() {}

    /** The lake's spelling of {@code asked}: itself when known or not matched, else the one case-insensitive match. */
    public static String resolve(ObjectStore store, String asked) {
        Set<String> known = new HashSet<>();
        if (store.head(LakeLayout.SILVER_TICKERS).isPresent()) {
            ParquetCodec.TICKERS.read(store, LakeLayout.SILVER_TICKERS).forEach(ticker -> known.add(ticker.symbol()));
        }
        if (known.contains(asked)) {
            return asked;
        }
        addNewestDailySymbols(store, known);
        return resolve(asked, known);
    }

    /**
     * The lake's spelling of each of {@code asked}, in their order, the known tickers read once: a
     * universe of hundreds costs what one lookup does.
     *
     * @throws InvalidSettingException when one matches several tickers ignoring case and none exactly
     */
    public static List<String> resolveAll(ObjectStore store, Collection<String> asked) {
        Set<String> known = new HashSet<>();
        if (store.head(LakeLayout.SILVER_TICKERS).isPresent()) {
            ParquetCodec.TICKERS.read(store, LakeLayout.SILVER_TICKERS).forEach(ticker -> known.add(ticker.symbol()));
        }
        addNewestDailySymbols(store, known);
        return asked.stream().map(symbol -> resolve(symbol, known)).toList();
    }

    private static void addNewestDailySymbols(ObjectStore store, Set<String> known) {
        store.list(LakeLayout.SILVER_DAILY).stream().map(ObjectInfo::key).filter(key -> LakeLayout.yearOf(key).isPresent())
                .max(Comparator.comparing(key -> LakeLayout.yearOf(key).orElseThrow()))
                .ifPresent(newest -> known.addAll(ParquetCodec.DAILY.summarize(store, newest).symbols()));
    }

    /**
     * As {@link #resolve(ObjectStore, String)} over the given tickers.
     *
     * @throws InvalidSettingException when several tickers match {@code asked} ignoring case and none exactly
     */
    public static String resolve(String asked, Collection<String> known) {
        if (known.contains(asked)) {
            return asked;
        }
        String folded = asked.toUpperCase(Locale.ROOT);
        List<String> matches = known.stream().filter(symbol -> symbol.toUpperCase(Locale.ROOT).equals(folded)).sorted().toList();
        if (matches.size() > 1) {
            throw new InvalidSettingException("symbol", asked, "matches " + String.join(" and ", matches)
                    + " ignoring case; ask for one exactly");
        }
        return matches.isEmpty() ? asked : matches.get(0);
    }
}
