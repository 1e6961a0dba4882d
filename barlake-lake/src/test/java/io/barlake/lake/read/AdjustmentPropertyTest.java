package io.barlake.lake.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.LocalObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * For any generated history with splits and dividends, the reads are the raw prices divided by the
 * documented factors (docs/silver.md): {@code split = raw / F(d)}, F the product of the ratios of
 * the splits after d; {@code total_return = split × Π (1 - (D_t / F(t)) / split(prev t))} over the
 * dividends after d. The expected values are computed here from those formulas, apart from the reader.
 */
class AdjustmentPropertyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Instant AT = Instant.parse("2025-12-31T22:00:00Z");

    @Property(tries = 60, seed = "20261130")
    void splitAndTotalReturnReadsAreRawDividedByTheDocumentedFactors(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        List<LocalDate> sessions = TradingCalendar.nyse().sessionsBetween(LocalDate.of(2024, 11, 1), LocalDate.of(2025, 12, 31));
        int first = random.nextInt(40);
        int count = 20 + random.nextInt(sessions.size() - first - 20);
        List<LocalDate> dates = sessions.subList(first, first + count);
        List<Split> splits = new ArrayList<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            double[][] ratios = {{1, 2}, {1, 3}, {2, 3}, {10, 1}, {1, 20}};
            double[] ratio = ratios[random.nextInt(ratios.length)];
            LocalDate at = dates.get(1 + random.nextInt(count - 1));
            if (splits.stream().noneMatch(split -> split.executionDate().equals(at))) {
                splits.add(new Split("SYM", at, ratio[0], ratio[1]));
            }
        }
        double[] raw = new double[count];
        double economic = 10 + random.nextDouble() * 90;
        for (int i = 0; i < count; i++) {
            economic *= 1 + (random.nextDouble() - 0.5) * 0.04;
            raw[i] = economic / basisFactor(splits, dates.get(i)); // each day on its own share basis
        }
        List<Dividend> dividends = new ArrayList<>();
        for (int k = random.nextInt(5); k > 0; k--) {
            int ex = random.nextInt(count + 5); // some after the last bar: pending, they change nothing
            LocalDate exDate = ex < count ? dates.get(ex) : dates.get(count - 1).plusDays(ex);
            double amount = ex > 0 && ex < count ? raw[ex - 1] * random.nextDouble() * 0.05 : 0.5;
            if (amount > 0 && dividends.stream().noneMatch(dividend -> dividend.exDate().equals(exDate))) {
                dividends.add(new Dividend("SYM", exDate, amount, "CD"));
            }
        }

        Path folder = Files.createTempDirectory("barlake-adjust");
        try (LocalObjectStore store = new LocalObjectStore(folder)) {
            Map<Integer, List<DailyBar>> years = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                years.computeIfAbsent(dates.get(i).getYear(), y -> new ArrayList<>()).add(new DailyBar("SYM", dates.get(i), raw[i],
                        raw[i], raw[i], raw[i], 100, null, null, "test", AT));
            }
            years.forEach((year, bars) -> ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(year), bars));
            splits.sort(Comparator.comparing(Split::executionDate));
            ParquetCodec.SPLITS.write(store, LakeLayout.SILVER_SPLITS, splits);
            dividends.sort(Comparator.comparing(Dividend::exDate));
            ParquetCodec.DIVIDENDS.write(store, LakeLayout.SILVER_DIVIDENDS, dividends);
            LocalDate asOf = dates.get(count - 1);
            new StateStore(store, CLOCK).saveCheckpoint(DailyCheckpoint.NAME, new DailyCheckpoint(Map.of(asOf,
                    new DailyCheckpoint.Session("a".repeat(64), 1, 1, 1, 1, 0, "test")), Map.of()));

            SymbolBars rawRead = BarHistory.load(store, "SYM", Timeframe.D1, null, null, CLOCK, Adjustment.RAW);
            SymbolBars splitRead = BarHistory.load(store, "SYM", Timeframe.D1, null, null, CLOCK, Adjustment.SPLIT);
            SymbolBars totalRead = BarHistory.load(store, "SYM", Timeframe.D1, null, null, CLOCK, Adjustment.TOTAL_RETURN);
            for (int i = 0; i < count; i++) {
                LocalDate day = dates.get(i);
                double split = raw[i] / laterSplits(splits, day, asOf);
                double total = split;
                for (Dividend dividend : dividends) {
                    int ex = dates.indexOf(dividend.exDate());
                    if (ex > 0 && day.isBefore(dividend.exDate())) {
                        double previous = raw[ex - 1] / laterSplits(splits, dates.get(ex - 1), asOf);
                        total *= 1 - dividend.cashAmount() / laterSplits(splits, dividend.exDate(), asOf) / previous;
                    }
                }
                assertThat(rawRead.close()[i]).isEqualTo(raw[i]);
                assertThat(splitRead.close()[i]).as("split-adjusted %s", day).isCloseTo(split, within(split * 1e-12));
                assertThat(totalRead.close()[i]).as("total return %s", day).isCloseTo(total, within(total * 1e-12));
                assertThat(totalRead.volume()[i]).isEqualTo(splitRead.volume()[i]);
            }
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** New shares per old of the splits executed on or before the day: the day's share basis. */
    private static double basisFactor(List<Split> splits, LocalDate day) {
        return splits.stream().filter(split -> !split.executionDate().isAfter(day)).mapToDouble(Split::factor)
                .reduce(1, (a, b) -> a * b);
    }

    /** F(d): the product of the ratios of the splits after d, up to the as-of date. */
    private static double laterSplits(List<Split> splits, LocalDate day, LocalDate asOf) {
        return splits.stream().filter(split -> split.executionDate().isAfter(day) && !split.executionDate().isAfter(asOf))
                .mapToDouble(Split::factor).reduce(1, (a, b) -> a * b);
    }
}
