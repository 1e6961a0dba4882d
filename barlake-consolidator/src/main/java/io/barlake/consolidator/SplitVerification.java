package io.barlake.consolidator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Split;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Splits the prices confirm become {@code silver/splits}; the others adjust nothing. Every split of
 * the vendor's feed is judged by {@link SplitCheck} on the bars around its execution date; a record
 * the prices contradict, but which repeats a confirmed split of the same symbol and ratio within
 * {@value #DUPLICATE_DAYS} days, is that split's duplicate (the vendor lists SHOP's 10-for-1 on
 * 2022-06-22 and on 2022-06-29; only the second shows in the prices). Refused splits go to
 * {@code silver/corporate_action_rejects} with their reason. Verdicts are kept in the
 * {@value SplitVerdicts#NAME} checkpoint and re-judged only when a session within their window
 * changed, or while pending.
 */
final class SplitVerification {
    static final int DUPLICATE_DAYS = 31;
    /** Calendar days around an execution date that hold its window of sessions, with room to spare. */
    private static final int NEAR_DAYS = SplitCheck.WINDOW * 2 + 10;
    private static final int WARNINGS_NAMED = 5;

    /**
     * What verification did.
     *
     * @param splitsWritten  true when {@code silver/splits} was rewritten
     * @param changed        symbols whose confirmed splits changed (their resampled history is rebuilt)
     * @param counts         splits by verdict
     * @param objectsWritten objects written (splits, rejects, checkpoint)
     */
    record Outcome(boolean splitsWritten, Set<String> changed, Map<SplitCheck.Status, Integer> counts, int objectsWritten) {}

    private final ObjectStore store;
    private final TradingCalendar calendar;
    private final StateStore state;
    private final List<Split> candidates;
    /** The execution dates (epoch days, sorted) of each symbol's splits. */
    private final Map<String, long[]> dates = new HashMap<>();
    /** A symbol's bars of one year ({@code SYMBOL|YEAR}), from the year files the run wrote or read on demand. */
    private final Map<String, List<DailyBar>> bars = new HashMap<>();

    /** @param candidates the vendor's splits, to be judged */
    SplitVerification(ObjectStore store, TradingCalendar calendar, StateStore state, List<Split> candidates) {
        this.store = store;
        this.calendar = calendar;
        this.state = state;
        this.candidates = candidates;
        Map<String, List<Long>> bySymbol = new HashMap<>();
        candidates.forEach(split -> bySymbol.computeIfAbsent(split.symbol(), s -> new ArrayList<>())
                .add(split.executionDate().toEpochDay()));
        bySymbol.forEach((symbol, days) -> dates.put(symbol, days.stream().mapToLong(Long::longValue).sorted().toArray()));
    }

    /**
     * Keeps, from a year file the run has just written, the bars near any split of their symbol
     * (within {@value #NEAR_DAYS} days: every window lies inside), so judging reads no price again; a
     * full build judges every split of its history.
     */
    void remember(int year, List<DailyBar> rows) {
        Map<String, List<DailyBar>> kept = new HashMap<>();
        for (DailyBar bar : rows) {
            long[] splitDays = dates.get(bar.symbol());
            if (splitDays != null && near(splitDays, bar.date().toEpochDay())) {
                kept.computeIfAbsent(bar.symbol() + "|" + year, key -> new ArrayList<>()).add(bar);
            }
        }
        kept.values().forEach(list -> list.sort(Comparator.comparing(DailyBar::date)));
        dates.keySet().forEach(symbol -> bars.put(symbol + "|" + year, kept.getOrDefault(symbol + "|" + year, List.of())));
    }

    private static boolean near(long[] splitDays, long day) {
        int at = java.util.Arrays.binarySearch(splitDays, day);
        int insertion = at >= 0 ? at : -at - 1;
        return at >= 0 || insertion < splitDays.length && splitDays[insertion] - day <= NEAR_DAYS
                || insertion > 0 && day - splitDays[insertion - 1] <= NEAR_DAYS;
    }

    /**
     * Judges the candidates against silver, which holds {@code sessions}; {@code replaced} are the
     * sessions whose rows this run rewrote.
     */
    Outcome verify(NavigableSet<LocalDate> sessions, Set<LocalDate> replaced, Consumer<String> warnings) {
        SplitVerdicts saved = state.checkpointOrRebuild(SplitVerdicts.NAME, SplitVerdicts.class, warnings)
                .orElse(new SplitVerdicts(Map.of()));
        Map<Split, SplitCheck.Verdict> verdicts = new LinkedHashMap<>();
        for (Split split : candidates) {
            SplitCheck.Verdict known = saved.verdicts().get(SplitVerdicts.key(split));
            boolean stillTrue = known != null && known.status() != SplitCheck.Status.PENDING
                    && !(known.status() == SplitCheck.Status.BEFORE_HISTORY && split.executionDate().isAfter(sessions.first()))
                    && !(known.status() != SplitCheck.Status.BEFORE_HISTORY && windowTouched(split.executionDate(), replaced));
            verdicts.put(split, stillTrue ? known : judge(split, sessions));
        }
        markDuplicates(verdicts);

        Map<SplitCheck.Status, Integer> counts = new java.util.EnumMap<>(SplitCheck.Status.class);
        verdicts.values().forEach(verdict -> counts.merge(verdict.status(), 1, Integer::sum));
        List<Split> confirmed = verdicts.entrySet().stream().filter(e -> e.getValue().status() == SplitCheck.Status.CONFIRMED)
                .map(Map.Entry::getKey).sorted(Comparator.comparing(Split::symbol).thenComparing(Split::executionDate)).toList();
        Set<String> changed = new TreeSet<>();
        boolean splitsWritten = writeSplits(confirmed, changed);
        int objects = (splitsWritten ? 1 : 0) + (writeRejects(verdicts, warnings) ? 1 : 0);
        Map<String, SplitCheck.Verdict> keyed = new TreeMap<>();
        verdicts.forEach((split, verdict) -> keyed.put(SplitVerdicts.key(split), verdict));
        SplitVerdicts next = new SplitVerdicts(keyed);
        if (!next.equals(saved)) {
            state.saveCheckpoint(SplitVerdicts.NAME, next);
            objects++;
        }
        return new Outcome(splitsWritten, changed, counts, objects);
    }

    private SplitCheck.Verdict judge(Split split, NavigableSet<LocalDate> sessions) {
        LocalDate date = split.executionDate();
        if (sessions.isEmpty() || date.isAfter(sessions.last())) {
            return new SplitCheck.Verdict(SplitCheck.Status.PENDING, Double.NaN, "after the latest session in silver");
        }
        if (!date.isAfter(sessions.first())) {
            return new SplitCheck.Verdict(SplitCheck.Status.BEFORE_HISTORY, Double.NaN, "on or before the lake's first session "
                    + sessions.first() + ": no bar to adjust");
        }
        int index = calendar.sessionIndex(calendar.sessionOnOrAfter(date));
        LocalDate from = calendar.session(index - SplitCheck.WINDOW);
        LocalDate to = calendar.session(index + SplitCheck.WINDOW);
        List<DailyBar> before = new ArrayList<>();
        List<DailyBar> after = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (DailyBar bar : barsOf(split.symbol(), year)) {
                if (!bar.date().isBefore(from) && bar.date().isBefore(date)) {
                    before.add(bar);
                } else if (!bar.date().isBefore(date) && !bar.date().isAfter(to)) {
                    after.add(bar);
                }
            }
        }
        return SplitCheck.judge(split, before, after);
    }

    private List<DailyBar> barsOf(String symbol, int year) {
        return bars.computeIfAbsent(symbol + "|" + year, key -> store.head(LakeLayout.silverDaily(year)).isPresent()
                ? ParquetCodec.DAILY.readSymbol(store, LakeLayout.silverDaily(year), symbol) : List.of());
    }

    /** True when a rewritten session lies within the split's window of sessions. */
    private boolean windowTouched(LocalDate date, Set<LocalDate> replaced) {
        LocalDate roughFrom = date.minusDays(NEAR_DAYS);
        LocalDate roughTo = date.plusDays(NEAR_DAYS);
        if (replaced.stream().noneMatch(session -> !session.isBefore(roughFrom) && !session.isAfter(roughTo))) {
            return false; // the common case, without the calendar
        }
        int index = calendar.sessionIndex(calendar.sessionOnOrAfter(date));
        LocalDate from = calendar.session(index - SplitCheck.WINDOW);
        LocalDate to = calendar.session(index + SplitCheck.WINDOW);
        return replaced.stream().anyMatch(session -> !session.isBefore(from) && !session.isAfter(to));
    }

    /** A refused split repeating a confirmed one (same symbol and ratio, within {@value #DUPLICATE_DAYS} days) is its duplicate. */
    private static void markDuplicates(Map<Split, SplitCheck.Verdict> verdicts) {
        List<Split> confirmed = verdicts.entrySet().stream().filter(e -> e.getValue().status() == SplitCheck.Status.CONFIRMED)
                .map(Map.Entry::getKey).toList();
        for (Map.Entry<Split, SplitCheck.Verdict> entry : verdicts.entrySet()) {
            Split split = entry.getKey();
            if (entry.getValue().status() != SplitCheck.Status.UNCONFIRMED) {
                continue;
            }
            confirmed.stream().filter(other -> other.symbol().equals(split.symbol()) && other.factor() == split.factor()
                            && Math.abs(ChronoUnit.DAYS.between(other.executionDate(), split.executionDate())) <= DUPLICATE_DAYS)
                    .findFirst().ifPresent(original -> entry.setValue(new SplitCheck.Verdict(SplitCheck.Status.DUPLICATE,
                            entry.getValue().observed(), "duplicate of " + split.symbol() + " " + SplitCheck.describe(original)
                            + ", which the prices confirm; here " + entry.getValue().reason())));
        }
    }

    private boolean writeSplits(List<Split> rows, Set<String> changed) {
        List<Split> previous = store.head(LakeLayout.SILVER_SPLITS).isPresent()
                ? ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS) : List.of();
        if (previous.equals(rows) && store.head(LakeLayout.SILVER_SPLITS).isPresent()) {
            return false;
        }
        Map<String, List<Split>> before = bySymbol(previous);
        Map<String, List<Split>> after = bySymbol(rows);
        Set<String> symbols = new TreeSet<>(before.keySet());
        symbols.addAll(after.keySet());
        for (String symbol : symbols) {
            if (!Objects.equals(before.get(symbol), after.get(symbol))) {
                changed.add(symbol);
            }
        }
        ParquetCodec.SPLITS.write(store, LakeLayout.SILVER_SPLITS, rows);
        return true;
    }

    private static Map<String, List<Split>> bySymbol(List<Split> splits) {
        Map<String, List<Split>> grouped = new HashMap<>();
        for (Split split : splits) {
            grouped.computeIfAbsent(split.symbol(), s -> new ArrayList<>()).add(split);
        }
        return grouped;
    }

    /** The refused splits, one JSON line each, sorted; returns true when the object was written or removed. */
    private boolean writeRejects(Map<Split, SplitCheck.Verdict> verdicts, Consumer<String> warnings) {
        List<Map.Entry<Split, SplitCheck.Verdict>> refused = verdicts.entrySet().stream()
                .filter(e -> e.getValue().status() == SplitCheck.Status.UNCONFIRMED || e.getValue().status() == SplitCheck.Status.DUPLICATE)
                .sorted(Comparator.comparing((Map.Entry<Split, SplitCheck.Verdict> e) -> e.getKey().symbol())
                        .thenComparing(e -> e.getKey().executionDate()))
                .toList();
        List<ObjectNode> lines = new ArrayList<>();
        for (Map.Entry<Split, SplitCheck.Verdict> entry : refused) {
            Split split = entry.getKey();
            ObjectNode line = LakeJson.mapper().createObjectNode();
            line.put("kind", "split");
            line.put("symbol", split.symbol());
            line.put("date", split.executionDate().toString());
            line.put("split_from", split.splitFrom());
            line.put("split_to", split.splitTo());
            line.put("status", entry.getValue().status().name().toLowerCase(Locale.ROOT));
            if (Double.isFinite(entry.getValue().observed())) {
                line.put("observed_ratio", entry.getValue().observed());
            }
            line.put("reason", entry.getValue().reason());
            lines.add(line);
        }
        if (!JsonLinesFile.write(store, LakeLayout.SILVER_SPLIT_REJECTS, lines)) {
            return false;
        }
        refused.stream().limit(WARNINGS_NAMED).forEach(entry -> warnings.accept("split " + entry.getKey().symbol() + " "
                + SplitCheck.describe(entry.getKey()) + " not applied (" + entry.getValue().status().name().toLowerCase(Locale.ROOT)
                + "): " + entry.getValue().reason()));
        if (refused.size() > WARNINGS_NAMED) {
            warnings.accept((refused.size() - WARNINGS_NAMED) + " more splits not applied; all with their reasons in "
                    + LakeLayout.SILVER_SPLIT_REJECTS);
        }
        return true;
    }
}
