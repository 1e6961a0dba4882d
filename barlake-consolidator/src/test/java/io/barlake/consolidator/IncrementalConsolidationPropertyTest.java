package io.barlake.consolidator;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.testing.BronzeFixtures;
import io.barlake.lake.testing.HistoryRow;
import io.barlake.lake.testing.LakeSnapshot;
import io.barlake.lake.testing.RandomHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Law: sessions arriving in any order and batches, with corrections in between, consolidate to
 * exactly the silver a single consolidation of the final bronze gives.
 */
class IncrementalConsolidationPropertyTest {
    /**
     * The quality gate publishes everything here: whether a thin session is held depends on which
     * session was consolidated before it, by design (a hold is a decision about one night's arrival).
     */
    private static final int NEVER_HOLD = 100;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Instant FETCHED = Instant.parse("2024-03-01T00:00:00Z");

    @Property(tries = 12, seed = "424242")
    void incrementalEqualsOneShot(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 9) int batch) throws IOException {
        RandomHistory history = new RandomHistory(seed, 6, LocalDate.of(2023, 12, 18), LocalDate.of(2024, 1, 19));
        Random random = new Random(seed);
        List<LocalDate> arrival = new ArrayList<>(history.sessions().keySet());
        Collections.shuffle(arrival, random);
        Path incrementalDir = Files.createTempDirectory("incremental");
        Path oneShotDir = Files.createTempDirectory("oneshot");
        try (ObjectStore incremental = new LocalObjectStore(incrementalDir);
             ObjectStore oneShot = new LocalObjectStore(oneShotDir)) {
            for (int i = 0; i < arrival.size(); i += batch) {
                for (LocalDate day : arrival.subList(i, Math.min(arrival.size(), i + batch))) {
                    List<HistoryRow> rows = history.sessions().get(day);
                    if (random.nextInt(4) == 0) {
                        // First a wrong version that a later correction replaces.
                        List<HistoryRow> wrong = rows.stream().map(row -> row.scaled(1.5)).toList();
                        BronzeFixtures.writeSession(incremental, day, BronzeFixtures.body(day, wrong), FETCHED.minusSeconds(60));
                        new Consolidator(incremental, TradingCalendar.nyse(), CLOCK, NEVER_HOLD).consolidate();
                    }
                    BronzeFixtures.writeSession(incremental, day, BronzeFixtures.body(day, rows), FETCHED);
                }
                new Consolidator(incremental, TradingCalendar.nyse(), CLOCK, NEVER_HOLD).consolidate();
            }
            for (Map.Entry<LocalDate, List<HistoryRow>> session : history.sessions().entrySet()) {
                BronzeFixtures.writeSession(oneShot, session.getKey(), BronzeFixtures.body(session.getKey(), session.getValue()), FETCHED);
            }
            new Consolidator(oneShot, TradingCalendar.nyse(), CLOCK, NEVER_HOLD).consolidate();

            assertThat(LakeSnapshot.of(incremental, "silver/")).isEqualTo(LakeSnapshot.of(oneShot, "silver/"));
        } finally {
            delete(incrementalDir);
            delete(oneShotDir);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
