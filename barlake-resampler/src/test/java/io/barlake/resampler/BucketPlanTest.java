package io.barlake.resampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.state.ResamplerCheckpoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plan is a pure function of two checkpoints: no lake is needed to say what a run recomputes. */
class BucketPlanTest {
    private static final TradingCalendar CALENDAR = TradingCalendar.nyse();
    private static final Timeframe FIVE = Timeframe.parse("5d");

    private static Map<LocalDate, String> sessions(LocalDate from, LocalDate to, String print) {
        Map<LocalDate, String> sessions = new TreeMap<>();
        CALENDAR.sessionsBetween(from, to).forEach(session -> sessions.put(session, print));
        return sessions;
    }

    @Test
    void oneChangedSessionRecomputesItsBucketOnlyAndRewritesItsYearOnly() {
        LocalDate last = LocalDate.of(2026, 11, 20);
        Map<LocalDate, String> before = sessions(LocalDate.of(2025, 1, 2), last, "a");
        Map<LocalDate, String> after = new TreeMap<>(before);
        LocalDate corrected = LocalDate.of(2025, 6, 10);
        after.put(corrected, "b");

        BucketPlan plan = BucketPlan.of(FIVE, new ResamplerCheckpoint(before, Map.of(), last, Map.of()),
                new ResamplerCheckpoint(after, Map.of(), last, Map.of()), CALENDAR, Set.of(), Map.of());

        Buckets buckets = new Buckets(CALENDAR, 5);
        assertThat(plan.buckets()).containsExactly(buckets.of(corrected));
        assertThat(plan.years()).containsExactly(2025);
        assertThat(plan.splitSymbols()).isEmpty();
        assertThat(plan.replacesWhole(2025, buckets)).as("the other buckets of 2025 are kept").isFalse();
    }

    @Test
    void aChangedSplitRecomputesTheSymbolInEveryYearAndARebuiltYearIsReplacedWhole() {
        LocalDate last = LocalDate.of(2026, 11, 20);
        Map<LocalDate, String> daily = sessions(LocalDate.of(2024, 1, 2), last, "a");

        BucketPlan plan = BucketPlan.of(FIVE, new ResamplerCheckpoint(daily, Map.of(), last, Map.of()),
                new ResamplerCheckpoint(daily, Map.of("AAPL", "2024-06-10:1/4;"), last, Map.of()), CALENDAR, Set.of(2025), Map.of());

        assertThat(plan.splitSymbols()).containsExactly("AAPL");
        // The bucket holding 2024-01-02 started in 2023's last sessions: it is filed under 2023.
        assertThat(plan.years()).containsExactly(2023, 2024, 2025, 2026);
        Buckets buckets = new Buckets(CALENDAR, 5);
        assertThat(plan.replacesWhole(2025, buckets)).isTrue();
        assertThat(plan.replacesWhole(2024, buckets)).as("other symbols' 2024 rows are kept").isFalse();
    }

    @Test
    void aMovedAsOfDateRecomputesTheBucketsThatBecomeComplete() {
        LocalDate before = LocalDate.of(2026, 11, 18);
        LocalDate after = LocalDate.of(2026, 11, 20);
        Map<LocalDate, String> old = sessions(LocalDate.of(2026, 1, 2), before, "a");
        Map<LocalDate, String> now = sessions(LocalDate.of(2026, 1, 2), after, "a");

        BucketPlan plan = BucketPlan.of(FIVE, new ResamplerCheckpoint(old, Map.of(), before, Map.of()),
                new ResamplerCheckpoint(now, Map.of(), after, Map.of()), CALENDAR, Set.of(), Map.of());

        Buckets buckets = new Buckets(CALENDAR, 5);
        assertThat(plan.buckets()).containsExactlyElementsOf(new TreeSet<>(List.of(buckets.of(LocalDate.of(2026, 11, 19)),
                buckets.of(after))));
    }
}
