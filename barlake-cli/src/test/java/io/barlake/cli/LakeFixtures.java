package io.barlake.cli;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.RunReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Puts a small, known lake in place: 3 symbols over 2025-05-01..2025-05-30, 5d bars, state. */
final class LakeFixtures {
    static final LocalDate FIRST = LocalDate.of(2025, 5, 1);
    static final LocalDate LAST = LocalDate.of(2025, 5, 30);
    static final List<String> SYMBOLS = List.of("AAPL", "BRK.B", "MSFT");

    private LakeFixtures() {}

    static void fill(ObjectStore store) {
        List<LocalDate> sessions = TradingCalendar.nyse().sessionsBetween(FIRST, LAST);
        List<DailyBar> daily = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            for (LocalDate session : sessions) {
                daily.add(new DailyBar(symbol, session, 100, 101, 99, 100.5, 1000.5, 100.2, 42L, "synthetic",
                        Instant.parse("2025-06-01T00:00:00Z")));
                store.put(LakeLayout.bronzeBars(session), new byte[] {1, 2, 3});
            }
        }
        ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(2025), daily);
        ParquetCodec.RESAMPLED.write(store, LakeLayout.bars(Timeframe.D5, 2025), List.of(
                new ResampledBar("AAPL", LocalDate.of(2025, 5, 27), LocalDate.of(2025, 6, 2), 4, false,
                        100, 101, 99, 100.5, 4000, 100.2)));
        StateStore state = new StateStore(store, CliRun.CLOCK);
        state.setWatermark("bronze-bars", LAST);
        state.saveRunReport(new RunReport("20250530t210500z-abcdef", "run", RunReport.Status.SUCCEEDED,
                Instant.parse("2025-05-30T21:05:00Z"), Instant.parse("2025-05-30T21:06:12Z"), List.of(),
                Map.of("sessions_fetched", 1L), null));
    }
}
