package io.barlake.resampler;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.parquet.ResampledColumns;
import java.time.LocalDate;
import java.util.BitSet;

/**
 * One timeframe's rows of one output year, pure: the recomputed buckets aggregated from a {@link
 * DailyWindow}, and the rows of the year's current file that the plan keeps. Rows come out sorted by
 * (symbol, start), as the window's daily rows are sorted by (symbol, date).
 */
final class YearAggregation {
    private final BucketPlan plan;
    private final Buckets bucket;
    private final int year;
    private final BitSet due = new BitSet();
    private final int offset;
    private final int first;
    private final int last;

    YearAggregation(BucketPlan plan, TradingCalendar calendar, int year) {
        this.plan = plan;
        this.bucket = new Buckets(calendar, plan.timeframe().sessions());
        this.year = year;
        this.offset = bucket.of(TradingCalendar.FIRST_DATE);
        plan.buckets().forEach(k -> due.set(k - offset)); // a bit per bucket: checked once per bucket run of every symbol
        this.first = bucket.first(year);
        this.last = bucket.last(year);
    }

    int year() {
        return year;
    }

    /** Whether no row of the year's current file survives the plan, so the file need not be read. */
    boolean replacesWhole() {
        return plan.replacesWhole(year, bucket);
    }

    /** The rows of {@code current} (the year's file as it is) that the plan does not recompute. */
    ResampledColumns kept(ResampledColumns current) {
        ResampledColumns kept = new ResampledColumns();
        for (int row = 0; row < current.size(); row++) {
            if (!recomputes(current.symbol(row), bucket.of(LocalDate.ofEpochDay(current.start(row))))) {
                kept.addRow(current, row);
            }
        }
        return kept;
    }

    /** The recomputed buckets filed under the year; a bucket ending on or before {@code asOf} is complete. */
    ResampledColumns aggregate(DailyWindow window, LocalDate asOf) {
        int asOfDay = (int) asOf.toEpochDay();
        ResampledColumns computed = new ResampledColumns(capacity(window));
        for (int s = 0; s < window.symbolCount(); s++) {
            String symbol = window.symbol(s);
            boolean wholeSymbol = plan.splitSymbols().contains(symbol);
            int from = window.from(s);
            int until = window.until(s);
            while (from < until) {
                int k = bucket.ofIndex(window.session(from));
                int end = from + 1;
                while (end < until && bucket.ofIndex(window.session(end)) == k) {
                    end++;
                }
                if (k >= first && k <= last && (wholeSymbol || due.get(k - offset))) {
                    int endDay = (int) bucket.end(k).toEpochDay();
                    window.aggregate(symbol, from, end, (int) bucket.start(k).toEpochDay(), endDay, endDay <= asOfDay, computed);
                }
                from = end;
            }
        }
        return computed;
    }

    private boolean recomputes(String symbol, int k) {
        return due.get(k - offset) || plan.splitSymbols().contains(symbol);
    }

    /** An upper bound of the rows {@link #aggregate} adds, so the columns never grow by copying. */
    private int capacity(DailyWindow window) {
        long dueHere = due.get(first - offset, last - offset + 1).cardinality();
        long whole = plan.splitSymbols().isEmpty() ? 0 : (long) plan.splitSymbols().size() * (last - first + 1);
        return (int) Math.min(window.size(), window.symbolCount() * dueHere + whole);
    }
}
