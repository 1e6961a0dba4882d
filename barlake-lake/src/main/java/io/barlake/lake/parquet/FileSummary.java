package io.barlake.lake.parquet;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a bar file's footer and symbol column tell, without reading the prices.
 *
 * @param key       the object's key
 * @param bytes     object size
 * @param rows      row count
 * @param rowGroups row-group count
 * @param symbols   the distinct symbols, sorted
 * @param dates     distinct dates (daily) or bucket starts (resampled)
 * @param firstDate earliest date (daily) or bucket start (resampled), or {@code null} when empty
 * @param lastDate  latest date or bucket start, or {@code null} when empty
 */
public record FileSummary(String key, long bytes, long rows, int rowGroups, SortedSet<String> symbols, int dates,
        LocalDate firstDate, LocalDate lastDate) {

    public FileSummary {
        symbols = Collections.unmodifiableSortedSet(new TreeSet<>(symbols));
    }

    /** Builds a summary from any set of symbols. */
    static FileSummary of(String key, long bytes, long rows, int rowGroups, Set<String> symbols, int dates,
            LocalDate firstDate, LocalDate lastDate) {
        return new FileSummary(key, bytes, rows, rowGroups, new TreeSet<>(symbols), dates, firstDate, lastDate);
    }
}
