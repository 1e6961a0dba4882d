package io.barlake.consolidator;

import io.barlake.lake.model.DailyBar;
import io.barlake.lake.state.QualityReport.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The quality findings of consolidated sessions, from their bars and those of the sessions before
 * them ("the session before" is the previous date silver has bars for). None of them changes a bar:
 * they are written to {@code silver/quality} and counted.
 *
 * <ul>
 *   <li>{@code missing}: a symbol that traded the session before, is listed in the reference data,
 *       and has no bar.</li>
 *   <li>{@code zero_volume}: a bar with volume 0.</li>
 *   <li>{@code stale}: open, high, low and close identical for {@value #STALE_SESSIONS} sessions in
 *       a row, ending with this one.</li>
 *   <li>{@code spike}: the session before moved the close by {@value #SPIKE_PERCENT} % or more
 *       (either way, in log terms) and this session brought it back within
 *       {@value #REVERT_PERCENT} % of where it was: a one-day spike that reverted.</li>
 * </ul>
 * One pass over each symbol's bars in date order: no per-session index of the universe is built.
 */
final class SessionQuality {
    static final int STALE_SESSIONS = 5;
    static final int SPIKE_PERCENT = 50;
    static final int REVERT_PERCENT = 10;
    static final List<String> KINDS = List.of("missing", "zero_volume", "stale", "spike");
    private static final double SPIKE = Math.log(1 + SPIKE_PERCENT / 100.0);
    private static final double REVERT = Math.log(1 + REVERT_PERCENT / 100.0);

    /** The findings and symbol counts of the judged sessions. */
    record Judged(Map<LocalDate, List<Finding>> findings, Map<LocalDate, Integer> symbols, Map<LocalDate, LocalDate> previous) {}

    private SessionQuality() {}

    /**
     * @param bars   every bar of the judged sessions and of the sessions before them the lookback
     *               needs, in any order
     * @param judged the sessions to judge
     * @param listed the reference data's symbols, or empty when there is none (then every symbol of
     *               the session before counts as listed)
     */
    static Judged judge(Collection<DailyBar> bars, Set<LocalDate> judged, Set<String> listed) {
        TreeMap<LocalDate, Integer> counts = new TreeMap<>();
        Map<String, List<DailyBar>> bySymbol = new HashMap<>();
        for (DailyBar bar : bars) {
            counts.merge(bar.date(), 1, Integer::sum);
            bySymbol.computeIfAbsent(bar.symbol(), s -> new ArrayList<>()).add(bar);
        }
        List<LocalDate> dates = new ArrayList<>(counts.keySet());
        Map<LocalDate, Integer> position = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            position.put(dates.get(i), i);
        }
        Map<LocalDate, List<Finding>> findings = new TreeMap<>();
        judged.stream().filter(counts::containsKey).forEach(date -> findings.put(date, new ArrayList<>()));
        for (Map.Entry<String, List<DailyBar>> entry : bySymbol.entrySet()) {
            String symbol = entry.getKey();
            List<DailyBar> series = entry.getValue();
            series.sort(Comparator.comparing(DailyBar::date));
            int[] at = new int[series.size()];
            for (int j = 0; j < series.size(); j++) {
                at[j] = position.get(series.get(j).date());
            }
            for (int j = 0; j < series.size(); j++) {
                DailyBar bar = series.get(j);
                List<Finding> found = findings.get(bar.date());
                int next = at[j] + 1;
                boolean gapAfter = j + 1 < series.size() ? at[j + 1] > next : next < dates.size();
                if (gapAfter && findings.containsKey(dates.get(next)) && (listed.isEmpty() || listed.contains(symbol))) {
                    findings.get(dates.get(next)).add(new Finding("missing", symbol, "traded " + bar.date() + ", no bar "
                            + dates.get(next)));
                }
                if (found == null) {
                    continue;
                }
                if (bar.volume() == 0) {
                    found.add(new Finding("zero_volume", symbol, "volume 0 with close " + bar.close()));
                }
                if (j >= STALE_SESSIONS - 1 && at[j] - at[j - STALE_SESSIONS + 1] == STALE_SESSIONS - 1 && stale(series, j)) {
                    found.add(new Finding("stale", symbol, "open, high, low and close " + bar.close() + " unchanged since "
                            + series.get(j - STALE_SESSIONS + 1).date()));
                }
                if (j >= 2 && at[j] - at[j - 2] == 2) {
                    double before = series.get(j - 2).close();
                    double spike = series.get(j - 1).close();
                    if (Math.abs(Math.log(spike / before)) >= SPIKE && Math.abs(Math.log(bar.close() / before)) <= REVERT) {
                        found.add(new Finding("spike", symbol, String.format(Locale.ROOT, "close ×%.3f on %s, back to ×%.3f on %s",
                                spike / before, series.get(j - 1).date(), bar.close() / before, bar.date())));
                    }
                }
            }
        }
        Map<LocalDate, LocalDate> previous = new HashMap<>();
        findings.forEach((date, list) -> {
            list.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::symbol));
            LocalDate before = counts.lowerKey(date);
            if (before != null) {
                previous.put(date, before);
            }
        });
        return new Judged(findings, counts, previous);
    }

    /** Findings counted by kind, every kind present. */
    static Map<String, Integer> counts(List<Finding> findings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        KINDS.forEach(kind -> counts.put(kind, 0));
        findings.forEach(finding -> counts.merge(finding.kind(), 1, Integer::sum));
        return counts;
    }

    private static boolean stale(List<DailyBar> series, int j) {
        DailyBar today = series.get(j);
        for (int k = j - STALE_SESSIONS + 1; k < j; k++) {
            DailyBar other = series.get(k);
            if (other.open() != today.open() || other.high() != today.high() || other.low() != today.low()
                    || other.close() != today.close()) {
                return false;
            }
        }
        return true;
    }
}
