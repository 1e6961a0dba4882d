package io.barlake.fetchers.bronze;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.fetchers.source.MarketDataSource;
import io.barlake.fetchers.source.ReferenceSnapshot;
import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.ReferenceFile;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the ticker, split and dividend reference snapshots into bronze, once per run, dated by
 * the latest closed session. A snapshot identical to the one bronze holds for that date (same
 * records, by SHA-256) is not written again. Dividends come as a window of ex-dates, not the whole
 * history (hundreds of pages): the nightly run asks for the last {@value #DIVIDEND_LOOKBACK_DAYS}
 * days and the next {@value #DIVIDEND_LOOKAHEAD_DAYS}, a backfill from its first session when that
 * is earlier; a second fetch for the same date adds to that date's snapshot rather than replacing it.
 */
public final class ReferenceFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceFetcher.class);
    private static final ObjectMapper JSON = LakeJson.mapper();
    static final int DIVIDEND_LOOKBACK_DAYS = 45;
    static final int DIVIDEND_LOOKAHEAD_DAYS = 120;

    private final ObjectStore store;
    private final MarketDataSource source;
    private final TradingCalendar calendar;
    private final Clock clock;

    public ReferenceFetcher(ObjectStore store, MarketDataSource source, TradingCalendar calendar, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.source = requireNonNull(source, "source is null");
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Fetches the snapshots as of the latest closed session, or of {@code date} when given. */
    public ReferenceResult fetch(LocalDate date) {
        return fetch(date, null);
    }

    /**
     * The same, with dividends from {@code dividendsFrom} (a backfill's first session) when given,
     * else from {@value #DIVIDEND_LOOKBACK_DAYS} days before the snapshot's date.
     */
    public ReferenceResult fetch(LocalDate date, LocalDate dividendsFrom) {
        LocalDate latest = calendar.latestClosedSession(clock.instant());
        LocalDate asOf = date == null || date.isAfter(latest) ? latest : calendar.sessionOnOrBefore(date);
        ReferenceSnapshot tickers = source.tickers(asOf);
        boolean tickersWritten = write(LakeLayout.bronzeTickers(asOf), asOf, tickers);
        ReferenceSnapshot splits = source.splits(asOf);
        boolean splitsWritten = write(LakeLayout.bronzeSplits(asOf), asOf, splits);
        // Never less than the nightly window: a run killed and run again as a nightly then asks for the same records.
        LocalDate nightly = asOf.minusDays(DIVIDEND_LOOKBACK_DAYS);
        LocalDate from = dividendsFrom != null && dividendsFrom.isBefore(nightly) ? dividendsFrom : nightly;
        ReferenceSnapshot dividends = source.dividends(asOf, from, asOf.plusDays(DIVIDEND_LOOKAHEAD_DAYS));
        String dividendsKey = LakeLayout.bronzeDividends(asOf);
        boolean dividendsWritten = write(dividendsKey, asOf, new ReferenceSnapshot(withEarlier(dividendsKey, dividends.results()),
                dividends.request()));
        return new ReferenceResult(asOf, tickers.results().size(), tickersWritten, splits.results().size(), splitsWritten,
                dividends.results().size(), dividendsWritten);
    }

    /**
     * The fetched dividends and those already in that date's snapshot and not fetched again, in
     * (ex-date, ticker, type) order, so the snapshot's bytes do not depend on the order of fetches.
     */
    private List<JsonNode> withEarlier(String key, List<JsonNode> fetched) {
        Map<String, JsonNode> merged = new TreeMap<>();
        store.get(key).flatMap(bytes -> read(key, bytes)).ifPresent(earlier -> earlier.results()
                .forEach(record -> merged.put(dividendKey(record), record)));
        fetched.forEach(record -> merged.put(dividendKey(record), record));
        return new ArrayList<>(merged.values());
    }

    private static String dividendKey(JsonNode record) {
        return record.path("ex_dividend_date").asText() + "|" + record.path("ticker").asText() + "|"
                + record.path("dividend_type").asText();
    }

    private boolean write(String key, LocalDate asOf, ReferenceSnapshot snapshot) {
        String sha256;
        try {
            sha256 = BronzeFiles.sha256(JSON.writeValueAsBytes(snapshot.results()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<String> existing = store.get(key).flatMap(bytes -> read(key, bytes)).map(ReferenceFile::sha256);
        if (existing.isPresent() && existing.get().equals(sha256)) {
            return false;
        }
        ReferenceFile file = new ReferenceFile(asOf, source.name(), snapshot.request(), clock.instant(), sha256,
                snapshot.results().size(), snapshot.results());
        try {
            store.put(key, BronzeFiles.gzip(JSON.writeValueAsBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("bronze {}: {} records from {}", key, file.count(), source.name());
        return true;
    }

    private static Optional<ReferenceFile> read(String key, byte[] bytes) {
        try {
            return Optional.of(JSON.readValue(BronzeFiles.gunzip(bytes, key), ReferenceFile.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} is not readable ({}); it is written again", key, e.getMessage());
            return Optional.empty();
        }
    }
}
