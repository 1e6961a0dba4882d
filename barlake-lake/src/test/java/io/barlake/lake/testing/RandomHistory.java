package io.barlake.lake.testing;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.Split;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random daily history: a few symbols with listings mid-way, trading halts (missing
 * sessions), an occasional bad record, and splits that show in raw prices as they would from a
 * vendor (prices before the split are factor times higher).
 */
public final class RandomHistory {
    private final Map<LocalDate, List<HistoryRow>> sessions = new LinkedHashMap<>();
    private final List<Split> splits = new ArrayList<>();

    public RandomHistory(long seed, int symbols, LocalDate from, LocalDate to) {
        Random random = new Random(seed);
        List<LocalDate> days = TradingCalendar.nyse().sessionsBetween(from, to);
        for (LocalDate day : days) {
            sessions.put(day, new ArrayList<>());
        }
        for (int s = 0; s < symbols; s++) {
            String symbol = s % 4 == 3 ? "S" + s + ".B" : "S" + s;
            int listed = random.nextInt(4) == 0 ? random.nextInt(Math.max(1, days.size() / 2)) : 0;
            double price = 20 + random.nextDouble() * 200;
            LocalDate split = random.nextInt(3) == 0 && days.size() > listed + 4
                    ? days.get(listed + 2 + random.nextInt(days.size() - listed - 3)) : null;
            int ratio = 2 + random.nextInt(3);
            if (split != null) {
                splits.add(new Split(symbol, split, 1, ratio));
                price *= ratio; // raw prices before the split are on the old, larger basis
            }
            for (int i = listed; i < days.size(); i++) {
                LocalDate day = days.get(i);
                if (split != null && day.equals(split)) {
                    price /= ratio;
                }
                double open = Math.round(price * (1 + random.nextGaussian() * 0.01) * 100) / 100.0;
                double close = Math.round(price * (1 + random.nextGaussian() * 0.02) * 100) / 100.0;
                double high = Math.round(Math.max(open, close) * (1 + random.nextDouble() * 0.01) * 100) / 100.0;
                double low = Math.round(Math.min(open, close) * (1 - random.nextDouble() * 0.01) * 100) / 100.0;
                price = close;
                if (random.nextInt(40) == 0) {
                    continue; // a trading halt
                }
                double volume = random.nextInt(1_000_000) + (random.nextInt(10) == 0 ? 0.5 : 0);
                Double vwap = random.nextInt(8) == 0 ? null : Math.round((high + low + 2 * close) / 4 * 10000) / 10000.0;
                if (random.nextInt(300) == 0) {
                    low = high + 1; // a bad record validation must refuse
                }
                sessions.get(day).add(new HistoryRow(symbol, open, Math.max(high, Math.max(open, close)),
                        Math.min(low, high + 1), close, volume, vwap, random.nextInt(10_000)));
            }
        }
    }

    /** Rows per session, in session order. */
    public Map<LocalDate, List<HistoryRow>> sessions() {
        return sessions;
    }

    /** Splits of the history. */
    public List<Split> splits() {
        return splits;
    }
}
