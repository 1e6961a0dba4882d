package io.barlake.fetchers.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.calendar.TradingCalendar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deterministic, seeded US stock market that answers exactly as Polygon would.
 *
 * <p>Each symbol has its own start price, drift, volatility and volume level, an IPO before or
 * inside any range (a quarter of them list after 2000), a delisting for some, trading halts
 * (missing sessions, about 1 in 500) and splits: forward splits when the raw price runs above
 * $250 (and, rarely, a 2-for-1 above $40), 1-for-10 reverse splits under $1. Prices follow a
 * random walk in log space built from layered hashed noise, so any session is computed directly
 * from (seed, symbol, session) — no history is replayed and the same seed always gives the same
 * bytes, whatever order sessions are asked in. Tickers include dotted share classes ({@code .B}).
 * Only NYSE sessions have bars.
 */
public final class SyntheticMarket {
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_SYMBOLS = 500;
    public static final int MAX_SYMBOLS = 12_000;

    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OCTAVES = 14;
    private static final double SQRT_3 = Math.sqrt(3);
    private static final double HALT_PROBABILITY = 0.002;
    private static final int DIVIDEND_SPACING = 63;
    private static final String[] EXCHANGES = {"XNYS", "XNAS", "XNAS", "ARCX"};
    /** 26 + 26² + 26³ one-to-three-letter names; the stride below is coprime to it, so names are unique. */
    private static final int NAME_SPACE = 18_278;
    private static final int NAME_STRIDE = 7_919;

    private final long seed;
    private final TradingCalendar calendar;
    private final SyntheticSymbol[] symbols;
    /** Per calendar year: session index of its first session, and its session count. */
    private final int[] yearFirstSession;
    private final int[] yearSessions;
    private final int firstYear;

    public SyntheticMarket(long seed, int symbolCount, TradingCalendar calendar) {
        if (symbolCount < 1 || symbolCount > MAX_SYMBOLS) {
            throw new IllegalArgumentException("Cannot build a synthetic market of " + symbolCount
                    + " symbols: use 1 to " + MAX_SYMBOLS);
        }
        this.seed = seed;
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.firstYear = TradingCalendar.FIRST_DATE.getYear();
        int years = TradingCalendar.LAST_DATE.getYear() - firstYear + 1;
        this.yearFirstSession = new int[years];
        this.yearSessions = new int[years];
        for (int y = 0; y < years; y++) {
            List<LocalDate> sessions = calendar.sessionsBetween(LocalDate.of(firstYear + y, 1, 1),
                    LocalDate.of(firstYear + y, 12, 31));
            yearFirstSession[y] = calendar.sessionIndex(sessions.get(0));
            yearSessions[y] = sessions.size();
        }
        this.symbols = new SyntheticSymbol[symbolCount];
        for (int i = 0; i < symbolCount; i++) {
            symbols[i] = new SyntheticSymbol(i);
        }
    }

    public long seed() {
        return seed;
    }

    public int size() {
        return symbols.length;
    }

    /** Every ticker of the market, listed or not yet, in index order. */
    public List<String> tickers() {
        return Arrays.stream(symbols).map(symbol -> symbol.ticker).toList();
    }

    /** The grouped-daily response Polygon would give for the session ({@code adjusted=false}). */
    public byte[] groupedDaily(LocalDate session) {
        List<double[]> rows = new ArrayList<>();
        List<String> tickers = new ArrayList<>();
        if (calendar.isSession(session)) {
            int index = calendar.sessionIndex(session);
            for (SyntheticSymbol symbol : symbols) {
                double[] bar = symbol.bar(index);
                if (bar != null) {
                    rows.add(bar);
                    tickers.add(symbol.ticker);
                }
            }
        }
        long closeMillis = calendar.isSession(session) ? calendar.closeOf(session).toEpochMilli() : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 120 + 200);
        try (JsonGenerator json = JSON_FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("queryCount", rows.size());
            json.writeNumberField("resultsCount", rows.size());
            json.writeBooleanField("adjusted", false);
            if (!rows.isEmpty()) {
                json.writeArrayFieldStart("results");
                for (int i = 0; i < rows.size(); i++) {
                    double[] bar = rows.get(i);
                    json.writeStartObject();
                    json.writeStringField("T", tickers.get(i));
                    writeVolume(json, bar[4]);
                    json.writeNumberField("vw", bar[5]);
                    json.writeNumberField("o", bar[0]);
                    json.writeNumberField("c", bar[3]);
                    json.writeNumberField("h", bar[1]);
                    json.writeNumberField("l", bar[2]);
                    json.writeNumberField("t", closeMillis);
                    json.writeNumberField("n", (long) bar[6]);
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeStringField("status", "OK");
            json.writeStringField("request_id", "synthetic-" + seed + "-" + session);
            json.writeNumberField("count", rows.size());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reference records of the tickers active on the date, as Polygon's v3 tickers endpoint gives them. */
    public List<JsonNode> tickerReference(LocalDate asOf) {
        int index = calendar.sessionIndex(calendar.sessionOnOrBefore(asOf));
        List<JsonNode> results = new ArrayList<>();
        for (SyntheticSymbol symbol : symbols) {
            if (symbol.listed <= index && index < symbol.delisted) {
                ObjectNode record = JSON.createObjectNode();
                record.put("ticker", symbol.ticker);
                record.put("name", symbol.name);
                record.put("market", "stocks");
                record.put("locale", "us");
                record.put("primary_exchange", symbol.exchange);
                record.put("type", symbol.type);
                record.put("active", true);
                record.put("currency_name", "usd");
                record.put("cik", String.format("%010d", Math.floorMod(hash(symbol.index, 90, 0), 2_000_000L)));
                record.put("composite_figi", "BBG" + String.format("%09X", Math.floorMod(hash(symbol.index, 91, 0), 1L << 36)));
                record.put("list_date", calendar.session(symbol.listed).toString());
                record.put("last_updated_utc", asOf + "T00:00:00Z");
                results.add(record);
            }
        }
        return results;
    }

    /** Every split executed on or before the date, as Polygon's v3 splits endpoint gives them. */
    public List<JsonNode> splitReference(LocalDate asOf) {
        List<JsonNode> results = new ArrayList<>();
        int year = asOf.getYear();
        for (SyntheticSymbol symbol : symbols) {
            for (SyntheticSplit split : symbol.splitsThrough(year)) {
                LocalDate executed = calendar.session(split.sessionIndex);
                if (!executed.isAfter(asOf)) {
                    ObjectNode record = JSON.createObjectNode();
                    record.put("execution_date", executed.toString());
                    record.put("id", "E" + Long.toHexString(hash(symbol.index, 92, split.sessionIndex)).toUpperCase());
                    record.put("split_from", split.from);
                    record.put("split_to", split.to);
                    record.put("ticker", symbol.ticker);
                    results.add(record);
                }
            }
        }
        results.sort((a, b) -> {
            int byDate = a.get("execution_date").asText().compareTo(b.get("execution_date").asText());
            return byDate != 0 ? byDate : a.get("ticker").asText().compareTo(b.get("ticker").asText());
        });
        return results;
    }

    /**
     * The cash dividends with an ex-date in {@code [from, to]}, as Polygon's v3 dividends endpoint
     * gives them: two symbols in five pay quarterly (every 63 sessions), 1 % to 4 % a year of the
     * previous session's raw close. Prices do not drop on the ex-date: the generated walk is the
     * shares' value without distributions.
     */
    public List<JsonNode> dividendReference(LocalDate from, LocalDate to) {
        LocalDate start = from.isBefore(TradingCalendar.FIRST_DATE.plusDays(7)) ? TradingCalendar.FIRST_DATE.plusDays(7) : from;
        LocalDate end = to.isAfter(TradingCalendar.LAST_DATE.minusDays(7)) ? TradingCalendar.LAST_DATE.minusDays(7) : to;
        List<JsonNode> results = new ArrayList<>();
        if (start.isAfter(end)) {
            return results;
        }
        int first = calendar.sessionIndex(calendar.sessionOnOrAfter(start));
        int last = calendar.sessionIndex(calendar.sessionOnOrBefore(end));
        for (SyntheticSymbol symbol : symbols) {
            if (uniform(hash(symbol.index, 30, 0)) >= 0.4) {
                continue;
            }
            int offset = (int) Math.floorMod(hash(symbol.index, 31, 0), (long) DIVIDEND_SPACING);
            double yield = 0.01 + 0.03 * uniform(hash(symbol.index, 32, 0));
            for (int k = first + Math.floorMod(offset - first, DIVIDEND_SPACING); k <= last; k += DIVIDEND_SPACING) {
                if (k <= symbol.listed || k >= symbol.delisted) {
                    continue;
                }
                double amount = Math.round(symbol.rawClose(k - 1) * yield / 4 * 10_000) / 10_000.0;
                if (amount <= 0) {
                    continue;
                }
                LocalDate exDate = calendar.session(k);
                ObjectNode record = JSON.createObjectNode();
                record.put("cash_amount", amount);
                record.put("declaration_date", calendar.session(k - 15).toString());
                record.put("dividend_type", "CD");
                record.put("ex_dividend_date", exDate.toString());
                record.put("frequency", 4);
                record.put("pay_date", exDate.plusDays(14).toString());
                record.put("record_date", exDate.plusDays(1).toString());
                record.put("ticker", symbol.ticker);
                results.add(record);
            }
        }
        results.sort((a, b) -> {
            int byDate = a.get("ex_dividend_date").asText().compareTo(b.get("ex_dividend_date").asText());
            return byDate != 0 ? byDate : a.get("ticker").asText().compareTo(b.get("ticker").asText());
        });
        return results;
    }

    private int yearOf(int session) {
        int position = Arrays.binarySearch(yearFirstSession, session);
        return firstYear + (position >= 0 ? position : -position - 2);
    }

    private static void writeVolume(JsonGenerator json, double volume) throws IOException {
        if (volume == Math.rint(volume)) {
            json.writeNumberField("v", (long) volume);
        } else {
            json.writeNumberField("v", volume);
        }
    }

    // ---- deterministic randomness -------------------------------------------------------------

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private long hash(long symbol, long stream, long position) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h + symbol * 0x9E3779B97F4A7C15L);
        h = mix(h + stream * 0xC2B2AE3D27D4EB4FL);
        return mix(h + position * 0x165667B19E3779F9L);
    }

    private static double uniform(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /**
     * A standard normal draw from one hash: the sum of four 16-bit uniforms (Irwin–Hall), centred
     * and scaled to unit variance. Tails stop at ±3.46σ, which is plenty for prices and far cheaper
     * than Box–Muller; a cold 12,000-symbol market computes millions of these.
     */
    private static double gaussian(long hash) {
        double sum = (hash & 0xFFFF) + ((hash >>> 16) & 0xFFFF) + ((hash >>> 32) & 0xFFFF) + ((hash >>> 48) & 0xFFFF);
        return (sum / 65535.0 - 2.0) * SQRT_3;
    }

    private static double round(double price) {
        int scale = price >= 1 ? 2 : 4;
        return BigDecimal.valueOf(price).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String name(int index) {
        int code = (int) ((long) index * NAME_STRIDE % NAME_SPACE) + 1;
        StringBuilder name = new StringBuilder();
        while (code > 0) {
            code--;
            name.append((char) ('A' + code % 26));
            code /= 26;
        }
        return name.reverse().toString();
    }

    private record SyntheticSplit(int sessionIndex, int from, int to) {
        double factor() {
            return (double) to / from;
        }
    }

    /** One symbol's fixed traits and lazily computed split schedule. */
    private final class SyntheticSymbol {
        final int index;
        final String ticker;
        final String name;
        final String exchange;
        final String type;
        final double startPrice;
        final double drift;
        final double volatility;
        final double baseVolume;
        final int listed;
        final int delisted;
        final double walkAtListing;
        private final List<SyntheticSplit> splits = new ArrayList<>();
        private int splitsComputedThrough = Integer.MIN_VALUE;

        SyntheticSymbol(int index) {
            this.index = index;
            String base = SyntheticMarket.name(index);
            this.ticker = index % 53 == 52 ? base + ".B" : base;
            this.name = "Synthetic " + ticker + (index % 10 == 9 ? " Trust" : " Inc.");
            this.exchange = EXCHANGES[(int) Math.floorMod(hash(index, 10, 0), (long) EXCHANGES.length)];
            double kind = uniform(hash(index, 11, 0));
            this.type = kind < 0.85 ? "CS" : kind < 0.95 ? "ETF" : "ADRC";
            this.startPrice = Math.exp(3.5 + 1.0 * gaussian(hash(index, 12, 0)));
            this.drift = 0.0002 + 0.0002 * gaussian(hash(index, 13, 0));
            this.volatility = 0.01 + 0.03 * uniform(hash(index, 14, 0));
            this.baseVolume = Math.exp(13 + 1.5 * gaussian(hash(index, 15, 0)));
            int firstIndex = calendar.sessionIndex(calendar.sessionOnOrAfter(TradingCalendar.FIRST_DATE));
            boolean ipo = uniform(hash(index, 16, 0)) < 0.25;
            this.listed = ipo ? (int) Math.floorMod(hash(index, 17, 0), 9_000L) : firstIndex;
            boolean delists = uniform(hash(index, 18, 0)) < 0.12;
            // Delistings spread over 2000-2035 (session indexes 0..9000), at least 200 sessions after listing.
            this.delisted = delists ? Math.max(listed + 200, (int) Math.floorMod(hash(index, 19, 0), 9_000L)) : Integer.MAX_VALUE;
            this.walkAtListing = walk(listed);
        }

        /** Log-space random walk with unit variance per session, from layered interpolated noise. */
        double walk(int session) {
            double value = 0;
            for (int octave = 0; octave < OCTAVES; octave++) {
                int spacing = 1 << octave;
                int cell = Math.floorDiv(session, spacing);
                double fraction = (session - (double) cell * spacing) / spacing;
                double left = gaussian(hash(index, 100 + octave, cell));
                double right = gaussian(hash(index, 100 + octave, cell + 1L));
                value += 0.5 * Math.sqrt(spacing) * (left + (right - left) * fraction);
            }
            return value;
        }

        /** Value of one original share at a session (before any split). */
        double economic(int session) {
            return startPrice * Math.exp(drift * (session - listed) + volatility * (walk(session) - walkAtListing));
        }

        synchronized List<SyntheticSplit> splitsThrough(int year) {
            if (splitsComputedThrough >= year) {
                return List.copyOf(splits);
            }
            int fromYear = Math.max(yearOf(listed), splitsComputedThrough + 1);
            int lastYear = Math.min(year, TradingCalendar.LAST_DATE.getYear());
            for (int y = fromYear; y <= lastYear; y++) {
                int offset = y - firstYear;
                int at = yearFirstSession[offset] + (int) Math.floorMod(hash(index, 20, y), (long) yearSessions[offset]);
                if (at <= listed || at >= delisted) {
                    continue;
                }
                double raw = economic(at - 1) / factorBefore(at);
                double chance = uniform(hash(index, 21, y));
                if (raw > 250) {
                    int ratio = raw / 2 <= 150 ? 2 : raw / 3 <= 150 ? 3 : raw / 4 <= 150 ? 4 : raw / 5 <= 150 ? 5 : raw / 10 <= 150 ? 10 : 20;
                    splits.add(new SyntheticSplit(at, 1, ratio));
                } else if (raw > 40 && chance < 0.005) {
                    splits.add(new SyntheticSplit(at, 1, 2));
                } else if (raw < 1 && chance < 0.6) {
                    splits.add(new SyntheticSplit(at, 10, 1));
                }
            }
            splitsComputedThrough = Math.max(splitsComputedThrough, lastYear);
            return List.copyOf(splits);
        }

        private double factorBefore(int session) {
            double factor = 1;
            for (SyntheticSplit split : splits) {
                if (split.sessionIndex < session) {
                    factor *= split.factor();
                }
            }
            return factor;
        }

        /** The close as traded that session, on that session's share basis, halted or not. */
        double rawClose(int session) {
            double factor = 1;
            for (SyntheticSplit split : splitsThrough(yearOf(session))) {
                if (split.sessionIndex <= session) {
                    factor *= split.factor();
                }
            }
            return round(economic(session) / factor);
        }

        /** open, high, low, close, volume, vwap, transactions — or null when not trading that session. */
        double[] bar(int session) {
            if (session < listed || session >= delisted || uniform(hash(index, 1, session)) < HALT_PROBABILITY) {
                return null;
            }
            double factor = 1;
            for (SyntheticSplit split : splitsThrough(yearOf(session))) {
                if (split.sessionIndex <= session) {
                    factor *= split.factor();
                }
            }
            double value = economic(session);
            double previous = economic(session - 1);
            double close = round(value / factor);
            double open = round(previous / factor * Math.exp(0.25 * volatility * gaussian(hash(index, 3, session))));
            double high = Math.max(round(Math.max(open, close)
                    * Math.exp(Math.abs(0.6 * volatility * gaussian(hash(index, 4, session))))), Math.max(open, close));
            double low = Math.min(round(Math.min(open, close)
                    * Math.exp(-Math.abs(0.6 * volatility * gaussian(hash(index, 5, session))))), Math.min(open, close));
            low = Math.max(low, 0.0001);
            double move = Math.abs(Math.log(value / previous));
            double volume = Math.rint(baseVolume * factor * Math.exp(0.45 * gaussian(hash(index, 6, session)))
                    * (1 + 8 * move));
            if (uniform(hash(index, 7, session)) < 0.02) {
                volume += 0.5; // Polygon volumes are sometimes fractional
            }
            double vwap = Math.min(high, Math.max(low,
                    BigDecimal.valueOf((high + low + 2 * close) / 4).setScale(4, RoundingMode.HALF_EVEN).doubleValue()));
            double transactions = Math.max(1, Math.rint(volume / (80 + 400 * uniform(hash(index, 8, session)))));
            return new double[] {open, high, low, close, volume, vwap, transactions};
        }
    }
}
