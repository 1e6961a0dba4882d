package io.barlake.resampler;

import io.barlake.consolidator.Consolidator;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Consolidate then resample all six timeframes, as the pipeline does; and read what came out. */
final class Pipeline {
    /** The quality gate's limit that publishes every session. */
    static final int NEVER_HOLD = 100;
    static final TradingCalendar CALENDAR = TradingCalendar.nyse();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    private Pipeline() {}

    static List<ResampleResult> run(ObjectStore store) {
        // Holding off: a hold is a decision about one night's arrival, so it depends on the order sessions arrive in.
        new Consolidator(store, CALENDAR, CLOCK, NEVER_HOLD).consolidate();
        return new Resampler(store, CALENDAR, CLOCK).resampleAll(Timeframe.resampled());
    }

    static Map<Timeframe, List<ResampledBar>> bars(ObjectStore store) {
        Map<Timeframe, List<ResampledBar>> bars = new TreeMap<>();
        for (Timeframe timeframe : Timeframe.resampled()) {
            List<ResampledBar> rows = new ArrayList<>();
            for (ObjectInfo info : store.list(LakeLayout.barsPrefix(timeframe))) {
                rows.addAll(ParquetCodec.RESAMPLED.read(store, info.key()));
            }
            bars.put(timeframe, rows);
        }
        return bars;
    }
}
