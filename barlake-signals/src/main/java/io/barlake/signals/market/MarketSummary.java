package io.barlake.signals.market;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.parquet.MarketColumns.Figure;
import io.barlake.lake.parquet.MarketColumns.Flag;
import io.barlake.lake.state.LakeJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * One session's {@code summary.json}, from its {@code symbols.parquet} rows alone (formulas in
 * docs/market.md):
 * <ul>
 *   <li>breadth: advancers ({@code change_pct > 0}), decliners ({@code < 0}), unchanged ({@code = 0});
 *       symbols without a previous close are in none of them; new 52-week highs and lows; the
 *       percentage of symbols with an SMA above it; the median change;</li>
 *   <li>movers: the {@value #MOVERS} top gainers, losers (by {@code change_pct}) and most active
 *       (by close × volume) among symbols that pass {@link MarketSettings}; ties by symbol;</li>
 *   <li>anomalies: volume spikes, moves over 5 %, gaps over 5 %;</li>
 *   <li>mood: the breadth thrust {@code (advancers − decliners) / (advancers + decliners)}, labelled
 *       {@code bullish} above 0.3, {@code bearish} below −0.3, else {@code mixed};</li>
 *   <li>turbulence: the median |change_pct| over the median daily volatility
 *       ({@code volatility_21d / √252}) of the symbols having both: 1 is an ordinary day;</li>
 *   <li>a narrative from these figures, by templates: the same words for the same data.</li>
 * </ul>
 */
public final class MarketSummary {
    /** Movers listed per kind. */
    public static final int MOVERS = 10;
    /** A move or gap beyond this many percent is an anomaly. */
    public static final double ANOMALY_PCT = io.barlake.analytics.strategy.PrebuiltStrategies.ANOMALY_PERCENT;
    static final double MOOD_THRESHOLD = 0.3;

    private MarketSummary() {}

    /** The summary of one session's rows, as the JSON document written beside them. */
    public static ObjectNode of(LocalDate session, MarketColumns rows, MarketSettings settings) {
        int n = rows.size();
        int advancers = count(n, i -> rows.figure(Figure.CHANGE_PCT, i) > 0);
        int decliners = count(n, i -> rows.figure(Figure.CHANGE_PCT, i) < 0);
        int unchanged = count(n, i -> rows.figure(Figure.CHANGE_PCT, i) == 0);
        int newHighs = count(n, i -> rows.flag(Flag.NEW_HIGH, i));
        int newLows = count(n, i -> rows.flag(Flag.NEW_LOW, i));
        double median = median(values(rows, Figure.CHANGE_PCT));

        ObjectNode summary = LakeJson.mapper().createObjectNode();
        summary.put("date", session.toString());
        summary.put("symbols", n);
        ObjectNode breadth = summary.putObject("breadth");
        breadth.put("advancers", advancers);
        breadth.put("decliners", decliners);
        breadth.put("unchanged", unchanged);
        breadth.put("new_highs", newHighs);
        breadth.put("new_lows", newLows);
        number(breadth, "pct_above_sma_50", above(rows, Figure.SMA_50));
        number(breadth, "pct_above_sma_200", above(rows, Figure.SMA_200));
        number(breadth, "median_change_pct", median);

        ObjectNode movers = summary.putObject("movers");
        movers.put("min_close", settings.minClose());
        movers.put("min_avg_volume_20", settings.minAverageVolume());
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double avg = rows.figure(Figure.AVG_VOLUME_20, i);
            if (rows.figure(Figure.CLOSE, i) >= settings.minClose() && avg >= settings.minAverageVolume()) {
                eligible.add(i);
            }
        }
        List<Integer> changed = eligible.stream().filter(i -> !Double.isNaN(rows.figure(Figure.CHANGE_PCT, i))).toList();
        Comparator<Integer> bySymbol = Comparator.comparing(rows::symbol);
        List<Integer> gainers = top(changed, Comparator.<Integer>comparingDouble(i -> -rows.figure(Figure.CHANGE_PCT, i))
                .thenComparing(bySymbol));
        List<Integer> losers = top(changed, Comparator.<Integer>comparingDouble(i -> rows.figure(Figure.CHANGE_PCT, i))
                .thenComparing(bySymbol));
        List<Integer> active = top(eligible, Comparator.<Integer>comparingDouble(i -> -dollarVolume(rows, i)).thenComparing(bySymbol));
        movers.set("gainers", list(rows, gainers));
        movers.set("losers", list(rows, losers));
        movers.set("most_active", list(rows, active));

        ObjectNode anomalies = summary.putObject("anomalies");
        int spikes = count(n, i -> rows.flag(Flag.VOLUME_SPIKE, i));
        int bigMoves = count(n, i -> rows.flag(Flag.BIG_MOVE, i));
        int gaps = count(n, i -> isGap(rows, i));
        anomalies.put("volume_spikes", spikes);
        anomalies.put("big_moves", bigMoves);
        anomalies.put("gaps", gaps);

        double thrust = advancers + decliners == 0 ? Double.NaN : (advancers - decliners) / (double) (advancers + decliners);
        String mood = Double.isNaN(thrust) ? "quiet" : thrust > MOOD_THRESHOLD ? "bullish" : thrust < -MOOD_THRESHOLD ? "bearish" : "mixed";
        ObjectNode moodNode = summary.putObject("mood");
        moodNode.put("label", mood);
        number(moodNode, "breadth_thrust", thrust);
        double turbulence = turbulence(rows);
        number(summary, "turbulence", turbulence);
        summary.put("narrative", narrative(session, n, advancers, decliners, median, mood, newHighs, newLows, spikes, bigMoves,
                turbulence, rows, gainers, losers));
        return summary;
    }

    private static String narrative(LocalDate session, int symbols, int advancers, int decliners, double median, String mood,
            int newHighs, int newLows, int spikes, int bigMoves, double turbulence, MarketColumns rows, List<Integer> gainers,
            List<Integer> losers) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "On %s, %,d of %,d symbols rose and %,d fell", session, advancers, symbols, decliners));
        text.append(Double.isNaN(median) ? "." : String.format(Locale.ROOT, "; the median change was %+.2f%%.", median));
        text.append(switch (mood) {
            case "bullish" -> " Breadth was broadly positive.";
            case "bearish" -> " Breadth was broadly negative.";
            case "mixed" -> " Breadth was mixed.";
            default -> "";
        });
        text.append(String.format(Locale.ROOT, " %,d set 52-week highs and %,d set 52-week lows.", newHighs, newLows));
        if (!gainers.isEmpty() && !losers.isEmpty()) {
            int up = gainers.get(0);
            int down = losers.get(0);
            text.append(String.format(Locale.ROOT, " Top gainer: %s (%+.2f%%); top loser: %s (%+.2f%%).", rows.symbol(up),
                    rows.figure(Figure.CHANGE_PCT, up), rows.symbol(down), rows.figure(Figure.CHANGE_PCT, down)));
        }
        text.append(String.format(Locale.ROOT, " %,d volume spikes and %,d moves over 5%% stand out.", spikes, bigMoves));
        if (!Double.isNaN(turbulence)) {
            text.append(String.format(Locale.ROOT, " Turbulence was %.2f (%s).", turbulence,
                    turbulence >= 1.5 ? "a rough day" : turbulence <= 0.67 ? "a calm day" : "an ordinary day"));
        }
        return text.toString();
    }

    /** The first {@value #MOVERS} of {@code candidates} in {@code order}, without sorting them all. */
    private static List<Integer> top(List<Integer> candidates, Comparator<Integer> order) {
        List<Integer> best = new ArrayList<>(MOVERS + 1);
        for (Integer candidate : candidates) {
            if (best.size() == MOVERS && order.compare(candidate, best.get(MOVERS - 1)) >= 0) {
                continue;
            }
            int at = Collections.binarySearch(best, candidate, order);
            best.add(at < 0 ? -at - 1 : at, candidate);
            if (best.size() > MOVERS) {
                best.remove(MOVERS);
            }
        }
        return best;
    }

    /** Whether row {@code i} opened more than {@value #ANOMALY_PCT} % away from its previous close. */
    public static boolean isGap(MarketColumns rows, int i) {
        return Math.abs(rows.figure(Figure.GAP_PCT, i)) > ANOMALY_PCT;
    }

    private static ArrayNode list(MarketColumns rows, List<Integer> indexes) {
        ArrayNode list = LakeJson.mapper().createArrayNode();
        for (int i : indexes) {
            ObjectNode mover = list.addObject();
            mover.put("symbol", rows.symbol(i));
            mover.put("close", rows.figure(Figure.CLOSE, i));
            number(mover, "change_pct", rows.figure(Figure.CHANGE_PCT, i));
            mover.put("volume", rows.figure(Figure.VOLUME, i));
            mover.put("dollar_volume", dollarVolume(rows, i));
        }
        return list;
    }

    private static double dollarVolume(MarketColumns rows, int i) {
        return rows.figure(Figure.CLOSE, i) * rows.figure(Figure.VOLUME, i);
    }

    /** Percent of the symbols having the SMA whose close is above it; NaN when none has it. */
    private static double above(MarketColumns rows, Figure sma) {
        int with = 0;
        int above = 0;
        for (int i = 0; i < rows.size(); i++) {
            double value = rows.figure(sma, i);
            if (!Double.isNaN(value)) {
                with++;
                if (rows.figure(Figure.CLOSE, i) > value) {
                    above++;
                }
            }
        }
        return with == 0 ? Double.NaN : 100.0 * above / with;
    }

    private static double turbulence(MarketColumns rows) {
        List<Double> moves = new ArrayList<>();
        List<Double> volatility = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double change = rows.figure(Figure.CHANGE_PCT, i);
            double annual = rows.figure(Figure.VOLATILITY_21D, i);
            if (!Double.isNaN(change) && !Double.isNaN(annual)) {
                moves.add(Math.abs(change));
                volatility.add(annual / Math.sqrt(252));
            }
        }
        double typical = median(volatility.stream().mapToDouble(Double::doubleValue).toArray());
        return moves.isEmpty() || !(typical > 0) ? Double.NaN : median(moves.stream().mapToDouble(Double::doubleValue).toArray()) / typical;
    }

    private static double[] values(MarketColumns rows, Figure figure) {
        return java.util.stream.IntStream.range(0, rows.size()).mapToDouble(i -> rows.figure(figure, i)).filter(v -> !Double.isNaN(v))
                .toArray();
    }

    /** The median; the mean of the two middle values for an even count; NaN for none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static int count(int n, IntPredicate test) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (test.test(i)) {
                count++;
            }
        }
        return count;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
