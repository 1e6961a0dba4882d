package io.barlake.lake.read;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Symbols;
import io.barlake.lake.model.TickerSegment;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * One symbol's bars from the lake, asked for exactly and then case-insensitively
 * ({@link SymbolLookup}), split-adjusted by default ({@link Adjustment} for raw and total return): daily bars are adjusted on read as of the
 * latest session in silver (as the resamplers adjust theirs), N-session bars are stored adjusted.
 * Only the row groups that can hold the symbol are fetched.
 */
public final class BarHistory {
    private BarHistory() {}

    /** Bars dated (1d) or starting (Nd) within {@code [from, to]}; either bound may be null for "all". */
    public static SymbolBars load(ObjectStore store, String rawSymbol, Timeframe timeframe, LocalDate from, LocalDate to,
            Clock clock) {
        return load(store, rawSymbol, timeframe, from, to, clock, true);
    }

    /**
     * As {@link #load(ObjectStore, String, Timeframe, LocalDate, LocalDate, Clock)}; with
     * {@code adjusted} false, daily bars come as stored (raw, as traded). N-session bars are only
     * stored adjusted: asking for them raw is refused.
     */
    public static SymbolBars load(ObjectStore store, String rawSymbol, Timeframe timeframe, LocalDate from, LocalDate to,
            Clock clock, boolean adjusted) {
        return load(store, rawSymbol, timeframe, from, to, clock, adjusted ? Adjustment.SPLIT : Adjustment.RAW);
    }

    /**
     * As {@link #load(ObjectStore, String, Timeframe, LocalDate, LocalDate, Clock)}, daily bars
     * adjusted as {@code adjustment} says. N-session bars are only stored split-adjusted: asking for
     * them otherwise is refused.
     */
    public static SymbolBars load(ObjectStore store, String rawSymbol, Timeframe timeframe, LocalDate from, LocalDate to,
            Clock clock, Adjustment adjustment) {
        return load(store, rawSymbol, timeframe, from, to, clock, adjustment, Continuity.TICKER);
    }

    /**
     * As {@link #load(ObjectStore, String, Timeframe, LocalDate, LocalDate, Clock, Adjustment)}; with
     * {@link Continuity#CONTINUOUS}, the security's daily bars across its renames (a ticker the
     * symbol map does not know reads as itself).
     */
    public static SymbolBars load(ObjectStore store, String rawSymbol, Timeframe timeframe, LocalDate from, LocalDate to,
            Clock clock, Adjustment adjustment, Continuity continuity) {
        if (continuity == Continuity.CONTINUOUS && timeframe != Timeframe.D1) {
            throw new InvalidSettingException("continuity", continuity.label(), timeframe.label()
                    + " bars are built per ticker; continuous reads are for 1d");
        }
        if (adjustment != Adjustment.SPLIT && timeframe != Timeframe.D1) {
            throw new InvalidSettingException("adjustment", adjustment.label(), timeframe.label()
                    + " bars are stored split-adjusted only; " + adjustment.label() + " is for 1d");
        }
        String asked = Symbols.clean(rawSymbol);
        if (!Symbols.isValid(asked)) {
            throw new InvalidSettingException("--symbol", rawSymbol, "not a ticker (letters, digits, '.' and '-', up to 10 characters)");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidSettingException("--to", to.toString(), "before --from " + from);
        }
        if (continuity == Continuity.CONTINUOUS) {
            String symbol = SymbolLookup.resolve(store, asked);
            List<TickerSegment> history = SymbolMap.load(store).history(symbol);
            if (history.size() > 1) {
                return found(stitched(store, symbol, history, from, to, clock, adjustment), timeframe, symbol, store, from, to);
            }
        }
        SymbolBarsBuilder series = read(store, asked, timeframe, from, to, clock, adjustment);
        String symbol = asked;
        if (series.isEmpty()) {
            // Exact first; a miss may be the vendor's spelling asked in another case (kimpl for KIMpL).
            symbol = SymbolLookup.resolve(store, asked);
            if (!symbol.equals(asked)) {
                series = read(store, symbol, timeframe, from, to, clock, adjustment);
            }
        }
        SymbolBars bars = series.isEmpty() ? null
                : adjustment == Adjustment.TOTAL_RETURN ? totalReturn(store, series.build(symbol), to, clock) : series.build(symbol);
        return found(bars, timeframe, symbol, store, from, to);
    }

    private static SymbolBars found(SymbolBars bars, Timeframe timeframe, String symbol, ObjectStore store, LocalDate from,
            LocalDate to) {
        if (bars == null || bars.size() == 0) {
            throw new NoBarsException("No " + timeframe.label() + " bars for " + symbol + " in " + store.location()
                    + (from == null && to == null ? "" : " between " + (from == null ? "the start" : from) + " and "
                    + (to == null ? "the end" : to)) + "; 'barlake status' shows what the lake holds");
        }
        return bars;
    }

    /**
     * The bars of each ticker of {@code history} within its own dates, labelled {@code symbol} and
     * adjusted by each ticker's splits (and dividends) within its dates, as one series.
     */
    private static SymbolBars stitched(ObjectStore store, String symbol, List<TickerSegment> history, LocalDate from,
            LocalDate to, Clock clock, Adjustment adjustment) {
        LocalDate asOf = asOf(store, clock);
        SplitAdjuster everySplit = splitAdjuster(store, asOf);
        List<Split> splits = new ArrayList<>();
        List<Dividend> dividends = new ArrayList<>();
        List<Dividend> allDividends = adjustment == Adjustment.TOTAL_RETURN ? TotalReturn.dividends(store) : List.of();
        for (TickerSegment segment : history) {
            everySplit.splits(segment.symbol()).stream().filter(split -> segment.covers(split.executionDate()))
                    .forEach(split -> splits.add(new Split(symbol, split.executionDate(), split.splitFrom(), split.splitTo())));
            allDividends.stream().filter(dividend -> dividend.symbol().equals(segment.symbol()) && segment.covers(dividend.exDate()))
                    .forEach(dividend -> dividends.add(new Dividend(symbol, dividend.exDate(), dividend.cashAmount(),
                            dividend.dividendType())));
        }
        SplitAdjuster adjuster = new SplitAdjuster(splits, asOf);
        LocalDate readTo = adjustment == Adjustment.TOTAL_RETURN ? null : to;
        TreeSet<Integer> years = new TreeSet<>();
        for (ObjectInfo info : store.list(LakeLayout.SILVER_DAILY)) {
            LakeLayout.yearOf(info.key()).ifPresent(years::add);
        }
        SymbolBarsBuilder series = new SymbolBarsBuilder();
        for (TickerSegment segment : history) {
            for (int year : years) {
                if (year < segment.from().getYear() || segment.until() != null && year > segment.until().getYear()
                        || from != null && year < from.getYear() || readTo != null && year > readTo.getYear()) {
                    continue;
                }
                for (DailyBar bar : ParquetCodec.DAILY.readSymbol(store, LakeLayout.silverDaily(year), segment.symbol())) {
                    if (segment.covers(bar.date()) && within(bar.date(), from, readTo)) {
                        double f = adjustment == Adjustment.RAW ? 1 : adjuster.factor(symbol, bar.date());
                        series.add(bar.date(), bar.open() / f, bar.high() / f, bar.low() / f, bar.close() / f, bar.volume() * f);
                    }
                }
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        SymbolBars bars = series.build(symbol);
        return adjustment == Adjustment.TOTAL_RETURN ? cut(TotalReturn.apply(bars, dividends, adjuster, asOf), to) : bars;
    }

    /**
     * The split-adjusted bars, read through the as-of date, with each price multiplied by its
     * dividends' factors ({@link TotalReturn}), then cut at {@code to}.
     */
    private static SymbolBars totalReturn(ObjectStore store, SymbolBars split, LocalDate to, Clock clock) {
        LocalDate asOf = asOf(store, clock);
        return cut(TotalReturn.apply(split, TotalReturn.dividends(store), splitAdjuster(store, asOf), asOf), to);
    }

    /** The bars dated on or before {@code to} (all of them when it is null). */
    private static SymbolBars cut(SymbolBars all, LocalDate to) {
        int n = 0;
        while (n < all.size() && (to == null || !all.dates()[n].isAfter(to))) {
            n++;
        }
        return n == all.size() ? all : new SymbolBars(all.symbol(), Arrays.copyOf(all.dates(), n), Arrays.copyOf(all.open(), n),
                Arrays.copyOf(all.high(), n), Arrays.copyOf(all.low(), n), Arrays.copyOf(all.close(), n), Arrays.copyOf(all.volume(), n));
    }

    private static LocalDate asOf(ObjectStore store, Clock clock) {
        return DailyCheckpoint.latestSession(new StateStore(store, clock)).orElse(LocalDate.now(clock));
    }

    private static SymbolBarsBuilder read(ObjectStore store, String symbol, Timeframe timeframe, LocalDate from, LocalDate readTo,
            Clock clock, Adjustment adjustment) {
        boolean adjusted = adjustment != Adjustment.RAW;
        // A total-return price depends on the dividends up to the as-of date: read to the end, cut afterwards.
        LocalDate to = adjustment == Adjustment.TOTAL_RETURN ? null : readTo;
        TreeSet<Integer> years = new TreeSet<>();
        for (ObjectInfo info : store.list(LakeLayout.barsPrefix(timeframe))) {
            LakeLayout.yearOf(info.key()).filter(year -> (from == null || year >= from.getYear())
                    && (to == null || year <= to.getYear())).ifPresent(years::add);
        }
        SymbolBarsBuilder series = new SymbolBarsBuilder();
        if (timeframe == Timeframe.D1) {
            SplitAdjuster adjuster = null;
            for (int year : years) {
                for (DailyBar bar : ParquetCodec.DAILY.readSymbol(store, LakeLayout.silverDaily(year), symbol)) {
                    if (within(bar.date(), from, to)) {
                        if (!adjusted) {
                            series.add(bar.date(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
                            continue;
                        }
                        if (adjuster == null) {
                            adjuster = splitAdjuster(store, asOf(store, clock));
                        }
                        double f = adjuster.factor(symbol, bar.date());
                        series.add(bar.date(), bar.open() / f, bar.high() / f, bar.low() / f, bar.close() / f, bar.volume() * f);
                    }
                }
            }
        } else {
            for (int year : years) {
                for (ResampledBar bar : ParquetCodec.RESAMPLED.readSymbol(store, LakeLayout.bars(timeframe, year), symbol)) {
                    if (within(bar.start(), from, to)) {
                        series.add(bar.start(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
                    }
                }
            }
        }
        return series;
    }

    /**
     * Split factors as of {@code asOf} (the latest session in silver, as the resamplers adjust):
     * daily prices are divided by them, volumes multiplied.
     */
    public static SplitAdjuster splitAdjuster(ObjectStore store, LocalDate asOf) {
        List<Split> splits = store.head(LakeLayout.SILVER_SPLITS).isPresent()
                ? ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS) : List.of();
        return new SplitAdjuster(splits, asOf);
    }

    /**
     * The years whose file of {@code timeframe} is in the lake ({@code LakeLayout.bars}), oldest
     * first, within the years of {@code from} and {@code to} (either null for no bound).
     */
    public static TreeSet<Integer> years(ObjectStore store, Timeframe timeframe, LocalDate from, LocalDate to) {
        TreeSet<Integer> years = new TreeSet<>();
        for (ObjectInfo info : store.list(LakeLayout.barsPrefix(timeframe))) {
            LakeLayout.yearOf(info.key()).filter(year -> (from == null || year >= from.getYear()) && (to == null || year <= to.getYear())
                    && info.key().equals(LakeLayout.bars(timeframe, year))).ifPresent(years::add);
        }
        return years;
    }

    static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
