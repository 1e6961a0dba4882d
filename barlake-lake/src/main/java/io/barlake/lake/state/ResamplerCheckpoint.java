package io.barlake.lake.state;

import io.barlake.lake.layout.LakeLayout;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * What one timeframe's files were built from: the content hash of every daily session, the
 * split set of every symbol with splits, and the as-of date; and the mark of every year file as
 * written, so a later run rebuilds one that was deleted, truncated or overwritten since.
 *
 * @param sessions daily session to its bronze content hash (from the consolidator's checkpoint)
 * @param splits   symbol to a fingerprint of its applicable splits
 * @param asOf     the latest daily session at the time, or {@code null} before the first run
 * @param files    year to the mark of its file; empty in checkpoints written before marks
 */
public record ResamplerCheckpoint(Map<LocalDate, String> sessions, Map<String, String> splits, LocalDate asOf,
        Map<Integer, ObjectMark> files) {
    public ResamplerCheckpoint {
        sessions = Collections.unmodifiableMap(new TreeMap<>(sessions == null ? Map.of() : sessions));
        splits = Collections.unmodifiableMap(new TreeMap<>(splits == null ? Map.of() : splits));
        files = Collections.unmodifiableMap(new TreeMap<>(files == null ? Map.of() : files));
    }

    public static ResamplerCheckpoint empty() {
        return new ResamplerCheckpoint(Map.of(), Map.of(), null, Map.of());
    }

    /** The checkpoint's name in {@code _state/checkpoints/} for a timeframe of {@code sessions} sessions. */
    public static String name(int sessions) {
        return LakeLayout.RESAMPLER_CHECKPOINT + sessions + "d";
    }

    /** The years that have a file: those the checkpoint marks. */
    public SortedSet<Integer> years() {
        return new java.util.TreeSet<>(files.keySet());
    }
}
