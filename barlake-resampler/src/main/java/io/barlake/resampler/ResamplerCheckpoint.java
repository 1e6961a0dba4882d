package io.barlake.resampler;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one timeframe's files were built from: the content hash of every daily session, the
 * split set of every symbol with splits, and the as-of date.
 *
 * @param sessions daily session to its bronze content hash (from the consolidator's checkpoint)
 * @param splits   symbol to a fingerprint of its applicable splits
 * @param asOf     the latest daily session at the time, or {@code null} before the first run
 */
public record ResamplerCheckpoint(Map<LocalDate, String> sessions, Map<String, String> splits, LocalDate asOf) {
    public ResamplerCheckpoint {
        sessions = Collections.unmodifiableMap(new TreeMap<>(sessions == null ? Map.of() : sessions));
        splits = Collections.unmodifiableMap(new TreeMap<>(splits == null ? Map.of() : splits));
    }

    static ResamplerCheckpoint empty() {
        return new ResamplerCheckpoint(Map.of(), Map.of(), null);
    }

    static String name(int sessions) {
        return "resampler-" + sessions + "d";
    }
}
