package io.barlake.lake.parquet;

import java.time.LocalDate;

/**
 * What a bar file's footer and symbol column tell, without reading the prices.
 *
 * @param key       the object's key
 * @param bytes     object size
 * @param rows      row count
 * @param rowGroups row-group count
 * @param symbols   distinct symbols
 * @param firstDate earliest date (daily) or bucket start (resampled), or {@code null} when empty
 * @param lastDate  latest date or bucket start, or {@code null} when empty
 */
public record FileSummary(String key, long bytes, long rows, int rowGroups, int symbols,
        LocalDate firstDate, LocalDate lastDate) {}
