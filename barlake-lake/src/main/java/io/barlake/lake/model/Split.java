package io.barlake.lake.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A stock split: from the execution date on, {@code splitFrom} old shares became
 * {@code splitTo} new ones (a 4-for-1 split is from 1, to 4). Prices before the execution date
 * are divided by {@link #factor()} and volumes multiplied by it when adjusting on read.
 *
 * @param symbol        ticker
 * @param executionDate first session traded on the new basis
 * @param splitFrom     old share count, &gt; 0
 * @param splitTo       new share count, &gt; 0
 */
public record Split(String symbol, LocalDate executionDate, double splitFrom, double splitTo) {

    public Split {
        Symbols.requireValid(symbol);
        requireNonNull(executionDate, "executionDate is null");
        Prices.requirePositive("splitFrom", splitFrom);
        Prices.requirePositive("splitTo", splitTo);
    }

    /** New shares per old share: 4.0 for a 4-for-1 split, 0.1 for a 1-for-10 reverse split. */
    public double factor() {
        return splitTo / splitFrom;
    }
}
