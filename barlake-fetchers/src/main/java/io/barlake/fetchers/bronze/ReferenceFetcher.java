package io.barlake.fetchers.bronze;

import static java.util.Objects.requireNonNull;

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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the ticker and split reference snapshots into bronze, once per run, dated by the
 * latest closed session. A snapshot identical to the one bronze holds for that date (same
 * records, by SHA-256) is not written again.
 */
public final class ReferenceFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceFetcher.class);
    private static final ObjectMapper JSON = LakeJson.mapper();

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

    /** Fetches both snapshots as of the latest closed session, or of {@code date} when given. */
    public ReferenceResult fetch(LocalDate date) {
        LocalDate latest = calendar.latestClosedSession(clock.instant());
        LocalDate asOf = date == null || date.isAfter(latest) ? latest : calendar.sessionOnOrBefore(date);
        ReferenceSnapshot tickers = source.tickers(asOf);
        boolean tickersWritten = write(LakeLayout.bronzeTickers(asOf), asOf, tickers);
        ReferenceSnapshot splits = source.splits(asOf);
        boolean splitsWritten = write(LakeLayout.bronzeSplits(asOf), asOf, splits);
        return new ReferenceResult(asOf, tickers.results().size(), tickersWritten, splits.results().size(), splitsWritten);
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
