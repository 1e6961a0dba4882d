package io.barlake.lake.status;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What one dataset of the lake holds.
 *
 * @param name      dataset, e.g. {@code bronze/bars} or {@code silver/5d}
 * @param objects   objects stored
 * @param bytes     their total size
 * @param sessions  distinct sessions present (partition dates, bar dates or bucket starts), or -1 where
 *                  it is not counted
 * @param rows      rows in Parquet datasets, or -1 for raw objects
 * @param symbols   distinct symbols in Parquet bar datasets, or -1
 * @param first     earliest date (a bar's date, a bucket's start or a partition date), or {@code null}
 * @param last      latest date, or {@code null}
 */
public record DatasetStatus(String name, int objects, long bytes, int sessions, long rows, int symbols,
        LocalDate first, LocalDate last) {
    public DatasetStatus {
        requireNonNull(name, "name is null");
    }

    /** True when the dataset holds nothing. */
    public boolean isEmpty() {
        return objects == 0;
    }
}
