package io.barlake.consolidator;

import io.barlake.lake.model.DailyBar;
import io.barlake.lake.state.QualityReport.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The quality findings of one consolidated session, from its bars and those of the sessions
 * before it. None of them changes a bar: they are written to {@code silver/quality} and counted.
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
 */
final class SessionQuality {
    static final int STALE_SESSIONS = 5;
    static final int SPIKE_PERCENT = 50;
    static final int REVERT_PERCENT = 10;
    static final List<String> KINDS = List.of("missing", "zero_volume", "stale", "spike");

    private SessionQuality() {}

    /**
     * @param bySymbol the session's bars by symbol first, then those of the sessions before it,
     *                 newest first (up to {@value #STALE_SESSIONS} - 1 of them; fewer at the start)
     * @param dates    the dates of {@code bySymbol}, in the same order
     * @param listed   the reference data's symbols, or empty when there is none (then every symbol of
     *                 the session before counts as listed)
     */
    static List<Finding> findings(List<Map<String, DailyBar>> bySymbol, List<LocalDate> dates, Set<String> listed) {
        List<Finding> findings = new ArrayList<>();
        Map<String, DailyBar> today = bySymbol.get(0);
        if (bySymbol.size() > 1) {
            for (String symbol : new TreeSet<>(bySymbol.get(1).keySet())) {
                if (!today.containsKey(symbol) && (listed.isEmpty() || listed.contains(symbol))) {
                    findings.add(new Finding("missing", symbol, "traded " + dates.get(1) + ", no bar " + dates.get(0)));
                }
            }
        }
        for (String symbol : new TreeSet<>(today.keySet())) {
            DailyBar bar = today.get(symbol);
            if (bar.volume() == 0) {
                findings.add(new Finding("zero_volume", symbol, "volume 0 with close " + bar.close()));
            }
            if (stale(symbol, bySymbol)) {
                findings.add(new Finding("stale", symbol, "open, high, low and close " + bar.close() + " unchanged since "
                        + dates.get(STALE_SESSIONS - 1)));
            }
            if (bySymbol.size() > 2 && bySymbol.get(1).containsKey(symbol) && bySymbol.get(2).containsKey(symbol)) {
                double before = bySymbol.get(2).get(symbol).close();
                double spike = bySymbol.get(1).get(symbol).close();
                if (Math.abs(Math.log(spike / before)) >= Math.log(1 + SPIKE_PERCENT / 100.0)
                        && Math.abs(Math.log(bar.close() / before)) <= Math.log(1 + REVERT_PERCENT / 100.0)) {
                    findings.add(new Finding("spike", symbol, String.format(Locale.ROOT, "close ×%.3f on %s, back to ×%.3f on %s",
                            spike / before, dates.get(1), bar.close() / before, dates.get(0))));
                }
            }
        }
        return findings;
    }

    /** Findings counted by kind, every kind present. */
    static Map<String, Integer> counts(List<Finding> findings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        KINDS.forEach(kind -> counts.put(kind, 0));
        findings.forEach(finding -> counts.merge(finding.kind(), 1, Integer::sum));
        return counts;
    }

    private static boolean stale(String symbol, List<Map<String, DailyBar>> bySymbol) {
        if (bySymbol.size() < STALE_SESSIONS) {
            return false;
        }
        DailyBar today = bySymbol.get(0).get(symbol);
        for (int i = 1; i < STALE_SESSIONS; i++) {
            DailyBar other = bySymbol.get(i).get(symbol);
            if (other == null || other.open() != today.open() || other.high() != today.high() || other.low() != today.low()
                    || other.close() != today.close()) {
                return false;
            }
        }
        return true;
    }
}
