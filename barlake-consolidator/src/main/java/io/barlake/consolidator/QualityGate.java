package io.barlake.consolidator;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.QualityReport;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The quality gate, per session. Before a session's bars are merged, its symbol count is compared
 * with the previous consolidated session's: a drop of more than {@code maxDropPercent} holds the
 * session out of silver (its rows, checkpoint mark and the watermark stay as they were), and the
 * run fails with one line so the failure alert goes out. After merging, each published session's
 * findings ({@link SessionQuality}) are written. Every verdict is
 * {@code silver/quality/date=…/quality.json}.
 */
final class QualityGate {
    /** The largest drop in symbols from one session to the next that is still published, in percent. */
    static final String MAX_DROP = "BARLAKE_QUALITY_MAX_DROP";
    static final int DEFAULT_MAX_DROP = 25;

    private final ObjectStore store;
    private final int maxDropPercent;
    private final Set<String> listed;
    private final Function<LocalDate, Optional<List<DailyBar>>> published;
    private int written;
    private TreeMap<LocalDate, List<DailyBar>> tail = new TreeMap<>();
    private int tailYear = Integer.MIN_VALUE;
    private boolean tailReachesNextYear;

    /**
     * @param published the bars silver holds for a consolidated session, read again from its bronze
     *                  (empty when there are none)
     */
    QualityGate(ObjectStore store, int maxDropPercent, Function<LocalDate, Optional<List<DailyBar>>> published) {
        this.store = store;
        this.published = published;
        this.maxDropPercent = maxDropPercent;
        this.listed = store.head(LakeLayout.SILVER_TICKERS).isPresent()
                ? new HashSet<>(ParquetCodec.TICKERS.read(store, LakeLayout.SILVER_TICKERS).stream()
                        .map(ticker -> ticker.symbol()).toList())
                : Set.of();
    }

    /** {@value #MAX_DROP}: a whole percentage from 0 to 100 (100 publishes everything); {@value #DEFAULT_MAX_DROP} unset. */
    static int maxDrop(Map<String, String> environment) {
        String value = environment.get(MAX_DROP);
        if (value == null) {
            return DEFAULT_MAX_DROP;
        }
        try {
            int percent = Integer.parseInt(value.strip());
            if (percent >= 0 && percent <= 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new InvalidSettingException(MAX_DROP, value, "expected a whole percentage from 0 to 100 (100 turns the hold off)");
    }

    /**
     * The held verdict for a session of {@code symbols} symbols, when the previous consolidated
     * session had more than this gate allows it to lose; empty when it may be published.
     */
    Optional<QualityReport> hold(LocalDate session, int symbols, NavigableMap<LocalDate, DailyCheckpoint.Session> marks) {
        Map.Entry<LocalDate, DailyCheckpoint.Session> previous = marks.lowerEntry(session);
        if (previous == null || previous.getValue().accepted() == 0) {
            return Optional.empty();
        }
        int before = previous.getValue().accepted();
        double drop = 1 - (double) symbols / before;
        if (drop * 100 <= maxDropPercent) {
            return Optional.empty();
        }
        String reason = String.format(Locale.ROOT, "%,d symbols against %,d on %s (-%.1f%%, more than the %d%% allowed by %s); "
                + "silver keeps its data as it was", symbols, before, previous.getKey(), drop * 100, maxDropPercent, MAX_DROP);
        QualityReport report = new QualityReport(session, QualityReport.HELD, symbols, before, reason,
                SessionQuality.counts(List.of()), List.of());
        write(report);
        return Optional.of(report);
    }

    /**
     * Writes the findings of each session of {@code published}, and of the sessions after each whose
     * lookback it is part of (so a late session gives the same verdicts as having had it all along),
     * from the year's merged rows, the previous year's last sessions and the next year's first (unless
     * {@code nextYearFollows}: the next year is written later in this run and judged then).
     */
    List<QualityReport> publish(int year, List<DailyBar> rows, Collection<LocalDate> published, TradingCalendar calendar,
            boolean nextYearFollows) {
        Map<LocalDate, Integer> counted = new HashMap<>();
        rows.forEach(bar -> counted.merge(bar.date(), 1, Integer::sum)); // hashed: a year is 3 million rows
        TreeMap<LocalDate, Integer> thisYear = new TreeMap<>(counted);
        Set<LocalDate> judged = new HashSet<>(published);
        for (LocalDate session : published) {
            thisYear.tailMap(session, false).keySet().stream().limit(SessionQuality.STALE_SESSIONS).forEach(judged::add);
        }
        if (tailYear == year - 1 && tailReachesNextYear) {
            // The previous year changed near its end in this run: this year's first sessions look back at it.
            thisYear.keySet().stream().limit(SessionQuality.STALE_SESSIONS).forEach(judged::add);
        }
        // Only the judged sessions and the lookback before the first of them: a nightly run judges one.
        LocalDate firstJudged = judged.stream().min(LocalDate::compareTo).orElse(LocalDate.MAX);
        LocalDate from = thisYear.headMap(firstJudged, false).descendingKeySet().stream()
                .limit(SessionQuality.STALE_SESSIONS - 1).reduce((a, b) -> b).orElse(firstJudged);
        List<DailyBar> bars = new ArrayList<>();
        for (DailyBar bar : rows) {
            if (!bar.date().isBefore(from)) {
                bars.add(bar);
            }
        }
        // The previous year's last sessions: kept from writing it in this run, else read from its file.
        if (thisYear.headMap(firstJudged, false).size() < SessionQuality.STALE_SESSIONS - 1) {
            (tailYear == year - 1 ? tail : lastSessionsFromBronze(year - 1, calendar)).values().forEach(bars::addAll);
        }
        boolean reachesNextYear = published.stream()
                .anyMatch(session -> thisYear.tailMap(session, false).size() < SessionQuality.STALE_SESSIONS);
        if (reachesNextYear && !nextYearFollows) {
            TreeMap<LocalDate, List<DailyBar>> next = edgeSessionsOf(year + 1, calendar, true);
            next.values().forEach(bars::addAll);
            judged.addAll(next.keySet());
        }
        if (nextYearFollows) {
            keepTail(year, rows, thisYear);
        } else {
            tail = new TreeMap<>();
        }
        tailYear = nextYearFollows ? year : Integer.MIN_VALUE;
        tailReachesNextYear = reachesNextYear;
        SessionQuality.Judged result = SessionQuality.judge(bars, judged, listed);
        List<QualityReport> reports = new ArrayList<>();
        result.findings().forEach((session, findings) -> {
            LocalDate before = result.previous().get(session);
            QualityReport report = new QualityReport(session, QualityReport.PUBLISHED, result.symbols().get(session),
                    before == null ? null : result.symbols().get(before), null, SessionQuality.counts(findings), findings);
            write(report);
            if (published.contains(session)) {
                reports.add(report);
            }
        });
        return reports;
    }

    /**
     * The previous year's last {@value SessionQuality#STALE_SESSIONS} sessions' bars, parsed again
     * from their bronze (what the checkpoint says silver holds for them): a few sessions instead of
     * reading a year file of three million rows on the first nights of January.
     */
    private TreeMap<LocalDate, List<DailyBar>> lastSessionsFromBronze(int year, TradingCalendar calendar) {
        TreeMap<LocalDate, List<DailyBar>> last = new TreeMap<>();
        if (year <= TradingCalendar.FIRST_DATE.getYear()) {
            return last;
        }
        LocalDate day = calendar.sessionOnOrBefore(LocalDate.of(year, 12, 31));
        for (int i = 0; i < SessionQuality.STALE_SESSIONS && day.getYear() == year; i++) {
            published.apply(day).ifPresent(bars -> last.put(bars.get(0).date(), bars));
            day = calendar.previousSession(day);
        }
        return last;
    }

    /**
     * The bars of a neighbouring year's first (or last) {@value SessionQuality#STALE_SESSIONS} NYSE
     * sessions, by date: the lookback across a new year. Reads nothing when the year has no file.
     */
    private TreeMap<LocalDate, List<DailyBar>> edgeSessionsOf(int year, TradingCalendar calendar, boolean first) {
        TreeMap<LocalDate, List<DailyBar>> last = new TreeMap<>();
        String key = LakeLayout.silverDaily(year);
        if (year <= TradingCalendar.FIRST_DATE.getYear() || year >= TradingCalendar.LAST_DATE.getYear() || store.head(key).isEmpty()) {
            return last;
        }
        Set<LocalDate> wanted = new HashSet<>();
        LocalDate day = first ? calendar.sessionOnOrAfter(LocalDate.of(year, 1, 1)) : calendar.sessionOnOrBefore(LocalDate.of(year, 12, 31));
        for (int i = 0; i < SessionQuality.STALE_SESSIONS && day.getYear() == year; i++) {
            wanted.add(day);
            day = first ? calendar.nextSession(day) : calendar.previousSession(day);
        }
        ParquetCodec.DAILY.forEach(store, key, bar -> {
            if (wanted.contains(bar.date())) {
                last.computeIfAbsent(bar.date(), d -> new ArrayList<>()).add(bar);
            }
        });
        return last;
    }

    /** This year's last sessions' bars, for the next year's lookback. */
    private void keepTail(int year, List<DailyBar> rows, TreeMap<LocalDate, Integer> dates) {
        tail = new TreeMap<>();
        tailYear = year;
        if (dates.isEmpty()) {
            return;
        }
        LocalDate from = dates.descendingKeySet().stream().limit(SessionQuality.STALE_SESSIONS).reduce((a, b) -> b).orElseThrow();
        for (DailyBar bar : rows) {
            if (!bar.date().isBefore(from)) {
                tail.computeIfAbsent(bar.date(), d -> new ArrayList<>()).add(bar);
            }
        }
    }

    /** Verdicts written (a verdict already there byte for byte is not written again). */
    int written() {
        return written;
    }

    private void write(QualityReport report) {
        String key = LakeLayout.quality(report.session());
        try {
            byte[] bytes = LakeJson.mapper().writeValueAsBytes(report);
            if (!store.get(key).map(existing -> Arrays.equals(existing, bytes)).orElse(false)) {
                store.put(key, bytes);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
