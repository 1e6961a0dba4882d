package io.barlake.serving.endpoints;

import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the lake's daily sessions came from, as the consolidator's checkpoint records them, read
 * at most once a minute: every answer names them ({@value #HEADER}), so nobody takes the synthetic
 * market's prices for real ones.
 */
public final class DataSources {
    /** The response header naming the sources, e.g. {@code synthetic} or {@code polygon}. */
    public static final String HEADER = "Barlake-Data-Sources";
    private static final Duration KEEP = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(DataSources.class);

    private final ObjectStore store;
    private final Clock clock;
    private volatile Read last;

    private record Read(Instant at, List<String> sources) {}

    public DataSources(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The sources, sorted; empty when the lake has no sessions or its checkpoint cannot be read. */
    public List<String> current() {
        Read read = last;
        Instant now = clock.instant();
        if (read == null || !now.isBefore(read.at().plus(KEEP))) {
            List<String> sources;
            try {
                sources = new StateStore(store, clock).checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class)
                        .map(checkpoint -> List.copyOf(checkpoint.sources())).orElse(List.of());
            } catch (RuntimeException e) {
                // Unreadable right now (health names why): keep what was known, and ask again next minute.
                LOG.warn("Data sources: the daily checkpoint could not be read ({})", e.getClass().getSimpleName());
                sources = read == null ? List.of() : read.sources();
            }
            read = new Read(now, sources);
            last = read;
        }
        return read.sources();
    }

    /** True when any session came from the synthetic market. */
    public boolean synthetic() {
        return current().contains(BronzeMeta.SYNTHETIC_SOURCE);
    }
}
