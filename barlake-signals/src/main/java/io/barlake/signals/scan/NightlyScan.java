package io.barlake.signals.scan;

import io.barlake.analytics.scan.Scanner;
import io.barlake.analytics.scan.SignalRow;
import io.barlake.analytics.strategy.Signal;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scan as the pipeline's Scan stage and {@code barlake scan} both run it: strategies over
 * every symbol that traded on a session, in the given timeframes, ranked, written to {@code
 * gold/signals/date=D/signals.parquet} (same input, same bytes).
 */
public final class NightlyScan {
    /**
     * What a scan did.
     *
     * @param session the session scanned
     * @param symbols symbols with a bar on it
     * @param picks   the ranked picks written
     * @param key     where they were written
     */
    public record Result(LocalDate session, int symbols, List<SignalPick> picks, String key) {}

    private NightlyScan() {}

    /** Scans {@code session}, or the latest consolidated session when it is null. */
    public static Result run(ObjectStore store, Clock clock, LocalDate session, List<Strategy> strategies,
            List<Timeframe> timeframes, Set<String> onlySymbols) {
        return run(store, clock, session, strategies, timeframes, onlySymbols, false);
    }

    /** The same, daily bars with dividends reinvested when {@code totalReturn}. */
    public static Result run(ObjectStore store, Clock clock, LocalDate session, List<Strategy> strategies,
            List<Timeframe> timeframes, Set<String> onlySymbols, boolean totalReturn) {
        LocalDate day = session != null ? session : DailyCheckpoint.latestSession(new StateStore(store, clock))
                .orElseThrow(() -> new IllegalStateException("The lake has no consolidated sessions yet: nothing to scan. "
                        + "Fill it first (see 'barlake --help')"));
        Map<String, List<Scanner.Input>> universe = LakeUniverse.load(store, day, timeframes, onlySymbols, totalReturn);
        if (universe.isEmpty()) {
            throw new IllegalStateException("No symbol has a daily bar on " + day + " in " + store.location()
                    + "; 'barlake status' shows the sessions the lake holds");
        }
        List<SignalPick> picks = Scanner.scan(day, strategies, universe).stream().map(NightlyScan::pick).toList();
        String key = LakeLayout.signals(day);
        ParquetCodec.SIGNALS.write(store, key, picks);
        return new Result(day, universe.size(), picks, key);
    }

    private static SignalPick pick(SignalRow row) {
        return new SignalPick(row.session(), row.rank(), row.symbol(), row.strategy(), row.signal().name(), row.score(),
                timeframes(row), row.explanation(), values(row));
    }

    /** What each timeframe said, as {@code gold/signals} writes it: {@code 1d:BUY,3d:HOLD,…}. */
    static String timeframes(SignalRow row) {
        StringBuilder text = new StringBuilder();
        row.timeframes().forEach(timeframe -> PickText.timeframe(text, timeframe.timeframe(), timeframe.signal()));
        return text.toString();
    }

    /** The indicator values behind each timeframe that voted, as compact JSON ({@link PickText}). */
    static String values(SignalRow row) {
        PickText.Values values = new PickText.Values();
        for (SignalRow.TimeframeSignal timeframe : row.timeframes()) {
            if (timeframe.signal() != Signal.HOLD) {
                values.timeframe(timeframe.timeframe());
                timeframe.values().forEach(values::value);
            }
        }
        return values.text();
    }
}
