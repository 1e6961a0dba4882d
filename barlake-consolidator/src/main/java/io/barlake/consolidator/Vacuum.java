package io.barlake.consolidator;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Deletes superseded bronze reference snapshots: those older than the retention and not the
 * newest of their kind. Bronze bars are never deleted (each session's object is its only copy),
 * and the newest ticker and split snapshots always stay, whatever their age.
 */
public final class Vacuum {
    private final ObjectStore store;
    private final Clock clock;

    public Vacuum(ObjectStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Deletes and returns the keys of snapshots dated more than {@code retentionDays} ago, keeping the newest. */
    public List<String> run(int retentionDays) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("Cannot vacuum with a retention of " + retentionDays + " days: use 1 or more");
        }
        LocalDate cutoff = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(retentionDays);
        List<String> deleted = new ArrayList<>();
        for (String prefix : List.of(LakeLayout.BRONZE_TICKERS, LakeLayout.BRONZE_SPLITS)) {
            List<ObjectInfo> snapshots = store.list(prefix).stream()
                    .filter(info -> LakeLayout.dateOf(info.key()).isPresent()).toList();
            Optional<LocalDate> newest = snapshots.stream().map(info -> LakeLayout.dateOf(info.key()).orElseThrow())
                    .max(Comparator.naturalOrder());
            for (ObjectInfo snapshot : snapshots) {
                LocalDate date = LakeLayout.dateOf(snapshot.key()).orElseThrow();
                if (date.isBefore(cutoff) && !date.equals(newest.orElseThrow())) {
                    deleted.add(snapshot.key());
                }
            }
        }
        store.delete(deleted);
        return deleted;
    }
}
