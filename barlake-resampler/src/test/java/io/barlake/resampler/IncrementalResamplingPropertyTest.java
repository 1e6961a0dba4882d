package io.barlake.resampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.testing.BronzeFixtures;
import io.barlake.lake.testing.HistoryRow;
import io.barlake.lake.testing.RandomHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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
 * Law: consolidating and resampling after every batch of arriving sessions (any order, with
 * corrections and a split snapshot arriving part-way) ends with exactly the rows of one full
 * build from the final bronze; and every bar keeps high ≥ max(open, close) ≥ min(open, close) ≥ low.
 */
class IncrementalResamplingPropertyTest {
    private static final Instant FETCHED = Instant.parse("2024-06-01T00:00:00Z");

    @Property(tries = 10, seed = "20240311")
    void incrementalRunsInAnyOrderEqualAFullRebuild(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 15) int batch) throws IOException {
        RandomHistory history = new RandomHistory(seed, 5, LocalDate.of(2023, 11, 1), LocalDate.of(2024, 2, 29));
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<LocalDate> arrival = new ArrayList<>(history.sessions().keySet());
        Collections.shuffle(arrival, random);
        int splitsArriveAt = random.nextInt(arrival.size());
        Path incrementalDir = Files.createTempDirectory("incremental");
        Path fullDir = Files.createTempDirectory("full");
        try (ObjectStore incremental = new LocalObjectStore(incrementalDir);
             ObjectStore full = new LocalObjectStore(fullDir)) {
            for (int i = 0; i < arrival.size(); i += batch) {
                for (int j = i; j < Math.min(arrival.size(), i + batch); j++) {
                    LocalDate day = arrival.get(j);
                    List<HistoryRow> rows = history.sessions().get(day);
                    if (random.nextInt(5) == 0) {
                        BronzeFixtures.writeSession(incremental, day,
                                BronzeFixtures.body(day, rows.stream().map(row -> row.scaled(0.9)).toList()), FETCHED);
                        Pipeline.run(incremental);
                    }
                    BronzeFixtures.writeSession(incremental, day, BronzeFixtures.body(day, rows), FETCHED);
                    if (j == splitsArriveAt) {
                        BronzeFixtures.writeSplits(incremental, LocalDate.of(2024, 2, 29), history.splits());
                    }
                }
                Pipeline.run(incremental);
            }
            history.sessions().forEach((day, rows) -> BronzeFixtures.writeSession(full, day, BronzeFixtures.body(day, rows), FETCHED));
            BronzeFixtures.writeSplits(full, LocalDate.of(2024, 2, 29), history.splits());
            Pipeline.run(full);

            Map<Timeframe, List<ResampledBar>> expected = Pipeline.bars(full);
            assertThat(Pipeline.bars(incremental)).isEqualTo(expected);
            expected.values().forEach(bars -> assertThat(bars).isNotEmpty().allSatisfy(bar -> {
                assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
                assertThat(bar.low()).isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
            }));
        } finally {
            delete(incrementalDir);
            delete(fullDir);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
