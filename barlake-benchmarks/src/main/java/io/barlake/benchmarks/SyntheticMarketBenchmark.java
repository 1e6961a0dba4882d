package io.barlake.benchmarks;

import io.barlake.fetchers.source.SyntheticMarket;
import io.barlake.lake.calendar.TradingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to generate one session of the synthetic market (the grouped-daily JSON Polygon would
 * send). Target of issue 3: 12,000 symbols × 1 session under 1 s. {@code firstSession} builds a
 * new market each time, so it includes computing every symbol's split history.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyntheticMarketBenchmark {
    @Param({"500", "12000"})
    int symbols;

    private final TradingCalendar calendar = TradingCalendar.nyse();
    private SyntheticMarket market;
    private List<LocalDate> sessions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        market = new SyntheticMarket(42, symbols, calendar);
        sessions = calendar.sessionsBetween(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31));
        market.groupedDaily(sessions.get(sessions.size() - 1));
    }

    /** One session of a market whose split schedules are already known (a backfill's steady state). */
    @Benchmark
    public byte[] session() {
        next = (next + 1) % sessions.size();
        return market.groupedDaily(sessions.get(next));
    }

    /** One session of a freshly built market: what a cold Lambda or a first CLI call pays. */
    @Benchmark
    public byte[] firstSession() {
        return new SyntheticMarket(42, symbols, calendar).groupedDaily(sessions.get(sessions.size() - 1));
    }
}
