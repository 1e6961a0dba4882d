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
import io.barlake.lake.model.Symbols;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the ticker, split and dividend reference snapshots into bronze, once per run, dated by
 * the latest closed session. A snapshot identical to the one bronze holds for that date (same
 * records, by SHA-256) is not written again. Dividends come as a window of ex-dates, not the whole
 * history (hundreds of pages): the nightly run asks for the last {@value #DIVIDEND_LOOKBACK_DAYS}
 * days and the next {@value #DIVIDEND_LOOKAHEAD_DAYS}, a backfill from its first session when that
 * is earlier; a second fetch for the same date adds to that date's snapshot rather than replacing it.
 *
 * <p>Ticker histories (the vendor's ticker events) are asked for per security, so only for those
 * that need it: every composite FIGI whose ticker differs from the one in the previous ticker
 * snapshot (a rename since then), and every ticker named in {@value #FOLLOWED_TICKERS} (renames
 * older than the lake, such as FB to META). They are kept in
 * {@code bronze/ticker_events/date=…}, added to that date's earlier snapshot by composite FIGI.
 */
public final class ReferenceFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceFetcher.class);
    private static final ObjectMapper JSON = LakeJson.mapper();
    static final int DIVIDEND_LOOKBACK_DAYS = 45;
    static final int DIVIDEND_LOOKAHEAD_DAYS = 120;

    /** Tickers whose whole history of renames is fetched every run, comma-separated (e.g. {@code META,GOOGL}). */
    public static final String FOLLOWED_TICKERS = "BARLAKE_TICKER_HISTORY";

    private final ObjectStore store;
    private final MarketDataSource source;
    private final TradingCalendar calendar;
    private final Clock clock;
    private final List<String> followedTickers;

    public ReferenceFetcher(ObjectStore store, MarketDataSource source, TradingCalendar calendar, Clock clock) {
        this(store, source, calendar, clock, List.of());
    }

    /** @param followedTickers tickers whose ticker events are fetched on every run ({@value #FOLLOWED_TICKERS}) */
    public ReferenceFetcher(ObjectStore store, MarketDataSource source, TradingCalendar calendar, Clock clock,
            List<String> followedTickers) {
        this.store = requireNonNull(store, "store is null");
        this.source = requireNonNull(source, "source is null");
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.followedTickers = List.copyOf(followedTickers);
    }

    /** {@value #FOLLOWED_TICKERS} read and checked: each a valid ticker; none when unset. */
    public static List<String> followedTickers(Map<String, String> environment) {
        String value = environment.get(FOLLOWED_TICKERS);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> tickers = new ArrayList<>();
        for (String part : value.split(",")) {
            String ticker = Symbols.clean(part);
            if (!Symbols.isValid(ticker)) {
                throw new InvalidSettingException(FOLLOWED_TICKERS, value, "'" + ticker
                        + "' is not a ticker; expected tickers separated by commas, e.g. META,GOOGL");
            }
            if (!tickers.contains(ticker)) {
                tickers.add(ticker);
            }
        }
        return List.copyOf(tickers);
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
        Map<String, String> previousTickers = previousTickersByFigi(asOf);
        ReferenceSnapshot tickers = source.tickers(asOf);
        boolean tickersWritten = write(LakeLayout.bronzeTickers(asOf), asOf, tickers);
        ReferenceSnapshot splits = source.splits(asOf);
        boolean splitsWritten = write(LakeLayout.bronzeSplits(asOf), asOf, splits);
        // Never less than the nightly window: a run killed and run again as a nightly then asks for the same records.
        LocalDate nightly = asOf.minusDays(DIVIDEND_LOOKBACK_DAYS);
        LocalDate from = dividendsFrom != null && dividendsFrom.isBefore(nightly) ? dividendsFrom : nightly;
        ReferenceSnapshot dividends = source.dividends(asOf, from, asOf.plusDays(DIVIDEND_LOOKAHEAD_DAYS));
        String dividendsKey = LakeLayout.bronzeDividends(asOf);
        boolean dividendsWritten = write(dividendsKey, asOf, new ReferenceSnapshot(merged(dividendsKey, dividends.results(),
                ReferenceFetcher::dividendKey), dividends.request()));
        List<String> ids = new ArrayList<>(followedTickers);
        renamedFigis(previousTickers, tickers.results()).stream().filter(figi -> !ids.contains(figi)).forEach(ids::add);
        int tickerEvents = 0;
        boolean tickerEventsWritten = false;
        if (!ids.isEmpty()) {
            ReferenceSnapshot events = source.tickerEvents(ids);
            String eventsKey = LakeLayout.bronzeTickerEvents(asOf);
            tickerEvents = events.results().size();
            tickerEventsWritten = write(eventsKey, asOf, new ReferenceSnapshot(merged(eventsKey, events.results(),
                    ReferenceFetcher::securityKey), events.request()));
        }
        return new ReferenceResult(asOf, tickers.results().size(), tickersWritten, splits.results().size(), splitsWritten,
                dividends.results().size(), dividendsWritten, tickerEvents, tickerEventsWritten);
    }

    /** Composite FIGI to ticker in the newest bronze ticker snapshot before {@code asOf}; empty when there is none. */
    private Map<String, String> previousTickersByFigi(LocalDate asOf) {
        Optional<String> previous = store.list(LakeLayout.BRONZE_TICKERS).stream().map(info -> info.key())
                .filter(key -> LakeLayout.dateOf(key).filter(date -> date.isBefore(asOf)).isPresent()
                        && key.equals(LakeLayout.bronzeTickers(LakeLayout.dateOf(key).orElseThrow())))
                .max(Comparator.naturalOrder());
        return previous.flatMap(key -> store.get(key).flatMap(bytes -> read(key, bytes)))
                .map(file -> byFigi(file.results())).orElse(Map.of());
    }

    /** The composite FIGIs whose ticker is not the one the previous snapshot gave them: renamed since. */
    private static List<String> renamedFigis(Map<String, String> previous, List<JsonNode> current) {
        List<String> renamed = new ArrayList<>();
        byFigi(current).forEach((figi, ticker) -> {
            String before = previous.get(figi);
            if (before != null && !before.equals(ticker)) {
                renamed.add(figi);
            }
        });
        return renamed;
    }

    private static Map<String, String> byFigi(List<JsonNode> tickers) {
        Map<String, String> byFigi = new TreeMap<>();
        for (JsonNode ticker : tickers) {
            String figi = ticker.path("composite_figi").asText("");
            if (!figi.isBlank() && ticker.path("ticker").isTextual()) {
                byFigi.put(figi, ticker.path("ticker").asText());
            }
        }
        return byFigi;
    }

    private static String securityKey(JsonNode record) {
        String figi = record.path("composite_figi").asText("");
        return figi.isBlank() ? "name:" + record.path("name").asText("") : figi;
    }

    /**
     * The fetched records and those already in that date's snapshot and not fetched again, in the
     * order of their keys (dividends by ex-date, ticker and type; ticker histories by composite
     * FIGI), so the snapshot's bytes do not depend on the order of fetches.
     */
    private List<JsonNode> merged(String key, List<JsonNode> fetched, Function<JsonNode, String> recordKey) {
        Map<String, JsonNode> merged = new TreeMap<>();
        store.get(key).flatMap(bytes -> read(key, bytes)).ifPresent(earlier -> earlier.results()
                .forEach(record -> merged.put(recordKey.apply(record), record)));
        fetched.forEach(record -> merged.put(recordKey.apply(record), record));
        return new ArrayList<>(merged.values());
    }

    private static String dividendKey(JsonNode record) {
        return record.path("ex_dividend_date").asText() + "|" + record.path("ticker").asText() + "|"
                + record.path("dividend_type").asText();
    }

    private boolean write(String key, LocalDate asOf, ReferenceSnapshot snapshot) {
        String sha256;
        try {
            sha256 = Sha256.hex(JSON.writeValueAsBytes(snapshot.results()));
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
