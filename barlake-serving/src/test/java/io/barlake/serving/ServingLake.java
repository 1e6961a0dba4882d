package io.barlake.serving;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.TickerInfo;
import io.barlake.lake.model.TickerSegment;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.alerts.WebhookPolicy;
import io.barlake.signals.market.MarketGold;
import io.barlake.signals.market.MarketSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small silver lake written with the lake's own codecs: AAPL, MSFT and the preferred share KIMpL
 * (as Massive writes it) daily from 2024-01-02 to 2025-06-02 (seeded walks), AAPL split 4-for-1 on
 * 2024-06-10 (raw prices drop fourfold that day), a 0.75 MSFT dividend with ex-date 2025-02-20, reference tickers AAPL, AMZN, KIMpL and MSFT, the consolidator's checkpoint at 2025-06-02, and three picks in
 * gold for 2025-06-02, and the market datasets (MarketGold) of 2025-06-02.
 */
final class ServingLake {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-03T12:00:00Z"), ZoneOffset.UTC);
    static final LocalDate FIRST = LocalDate.of(2024, 1, 2);
    static final LocalDate LAST = LocalDate.of(2025, 6, 2);
    static final LocalDate SPLIT = LocalDate.of(2024, 6, 10);
    /** MSFT goes ex-dividend 0.75 that day. */
    static final LocalDate DIVIDEND = LocalDate.of(2025, 2, 20);
    static final List<LocalDate> SESSIONS = TradingCalendar.nyse().sessionsBetween(FIRST, LAST);

    /**
     * Webhook host names resolved from a table, never the network: hooks.example.com is public,
     * rebound.example.com points at loopback (a name an attacker rebinds).
     */
    static final WebhookPolicy.Resolver RESOLVER = host -> switch (host) {
        case "hooks.example.com" -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}));
        case "rebound.example.com" -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        default -> throw new UnknownHostException(host);
    };

    private ServingLake() {}

    /** The raw close of AAPL on {@code session}: 4× higher before the split. */
    static double rawAaplClose(int index) {
        return walk(42, index) * (SESSIONS.get(index).isBefore(SPLIT) ? 4 : 1);
    }

    static void write(ObjectStore store) {
        Map<Integer, List<DailyBar>> byYear = new java.util.TreeMap<>();
        Instant ingested = Instant.parse("2025-06-02T22:00:00Z");
        for (String symbol : List.of("AAPL", "KIMpL", "MSFT")) {
            for (int i = 0; i < SESSIONS.size(); i++) {
                LocalDate session = SESSIONS.get(i);
                double close = switch (symbol) {
                    case "AAPL" -> rawAaplClose(i);
                    case "KIMpL" -> walk(11, i) / 5;
                    default -> walk(7, i);
                };
                double open = close * 0.995;
                byYear.computeIfAbsent(session.getYear(), y -> new ArrayList<>()).add(new DailyBar(symbol, session, open,
                        close * 1.01, open * 0.99, close, 1_000_000 + i, null, null, "test", ingested));
            }
        }
        byYear.forEach((year, bars) -> {
            bars.sort(java.util.Comparator.comparing(DailyBar::symbol).thenComparing(DailyBar::date));
            ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(year), bars);
        });
        ParquetCodec.SPLITS.write(store, LakeLayout.SILVER_SPLITS, List.of(new Split("AAPL", SPLIT, 1, 4)));
        ParquetCodec.DIVIDENDS.write(store, LakeLayout.SILVER_DIVIDENDS, List.of(new Dividend("MSFT", DIVIDEND, 0.75, "CD")));
        ParquetCodec.SYMBOL_MAP.write(store, LakeLayout.SILVER_SYMBOL_MAP, List.of(
                new TickerSegment("KIMpL", "BBG000TEST01", LocalDate.of(2020, 1, 2), LocalDate.of(2024, 12, 31)),
                new TickerSegment("MSFT", "BBG000TEST01", LocalDate.of(2025, 1, 2), null)));
        ParquetCodec.TICKERS.write(store, LakeLayout.SILVER_TICKERS, List.of(
                new TickerInfo("AAPL", "Apple Inc.", "XNAS", "CS", true, "usd", "0000320193", "BBG000B9XRY4", null),
                new TickerInfo("AMZN", "Amazon.com, Inc.", "XNAS", "CS", true, "usd", "0001018724", "BBG000BVPV84", null),
                new TickerInfo("KIMpL", "Kimco Realty Corp 5.125% Class L Preferred", "XNYS", "PFD", true, "usd", null, null, null),
                new TickerInfo("MSFT", "Microsoft Corp", "XNAS", "CS", true, "usd", "0000789019", "BBG000BPH459", null)));
        new StateStore(store, CLOCK).saveCheckpoint(DailyCheckpoint.NAME, new DailyCheckpoint(Map.of(LAST,
                new DailyCheckpoint.Session("a".repeat(64), 100, 0, 3, 3, 0, "polygon")), Map.of()));
        ParquetCodec.SIGNALS.write(store, LakeLayout.signals(LAST), List.of(
                new SignalPick(LAST, 1, "AAPL", "golden-cross", "BUY", 0.9, "1d:BUY,5d:BUY,34d:HOLD", "SMA50 crossed above SMA200"),
                new SignalPick(LAST, 2, "MSFT", "rsi-momentum", "BUY", 0.6, "1d:BUY,5d:HOLD", "RSI14 crossed above 50"),
                new SignalPick(LAST, 3, "MSFT", "golden-cross", "SELL", -0.4, "1d:SELL,5d:SELL", "SMA50 crossed below SMA200")));
        MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS);
    }

    /** A seeded random walk around 100, the same for the same seed and index. */
    private static double walk(long seed, int index) {
        Random random = new Random(seed);
        double price = 100;
        for (int i = 0; i <= index; i++) {
            price *= 1 + (random.nextDouble() - 0.49) * 0.03;
        }
        return Math.round(price * 100) / 100.0;
    }
}
