package io.barlake.resampler;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one resampling run did for one timeframe.
 *
 * @param sessions        N
 * @param bucketsRebuilt  buckets recomputed because a daily session in them changed
 * @param symbolsRebuilt  symbols rebuilt in full because their splits changed
 * @param yearsWritten    years whose file was rewritten
 * @param rows            rows in the rewritten files
 * @param asOf            the as-of date (latest daily session), or {@code null} with no daily data
 */
public record ResampleResult(int sessions, int bucketsRebuilt, Set<String> symbolsRebuilt, Set<Integer> yearsWritten,
        long rows, LocalDate asOf) {
    public ResampleResult {
        symbolsRebuilt = Collections.unmodifiableSet(new TreeSet<>(symbolsRebuilt));
        yearsWritten = Collections.unmodifiableSet(new TreeSet<>(yearsWritten));
    }

    /** Objects written: the year files plus the checkpoint when anything changed. */
    public int objectsWritten() {
        return yearsWritten.size() + (yearsWritten.isEmpty() ? 0 : 1);
    }
}
