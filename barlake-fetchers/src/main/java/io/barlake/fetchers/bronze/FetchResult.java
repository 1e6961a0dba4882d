package io.barlake.fetchers.bronze;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What one invocation did. When {@code complete} is false, call again with
 * {@link FetchRequest#continuingAt(LocalDate)} {@code next}.
 *
 * @param complete  every planned session is done
 * @param next      the first session not yet done, or {@code null} when complete
 * @param planned   sessions the request covers (all chunks)
 * @param written   sessions written in this invocation
 * @param unchanged sessions fetched but identical to bronze
 * @param skipped   sessions already in bronze, not requested
 * @param empty     sessions for which the source had no records
 * @param records   records in the sessions written
 * @param watermark the bars watermark after this invocation, or {@code null} when none
 * @param warnings  things the operator should know (e.g. gaps left for a backfill)
 */
public record FetchResult(boolean complete, LocalDate next, int planned, List<LocalDate> written,
        List<LocalDate> unchanged, List<LocalDate> skipped, List<LocalDate> empty, long records,
        LocalDate watermark, List<String> warnings) {

    public FetchResult {
        if (!complete) {
            requireNonNull(next, "next is null for an incomplete fetch");
        }
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        skipped = List.copyOf(skipped);
        empty = List.copyOf(empty);
        warnings = List.copyOf(warnings);
    }
}
