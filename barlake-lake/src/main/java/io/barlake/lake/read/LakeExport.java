package io.barlake.lake.read;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.parquet.ExportTable.Column;
import io.barlake.lake.parquet.ExportTable.Kind;
import io.barlake.lake.parquet.ExportTable;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.parquet.ResampledColumns;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A dataset of the lake as one table, for {@code barlake export}: daily bars (raw, split-adjusted
 * as of the range's last day, or with dividends reinvested), one timeframe's N-session bars (as
 * stored, split-adjusted), the market figures ({@code gold/market}) or the picks ({@code
 * gold/signals}), for some symbols or all, between two dates; rows by symbol then date for bars,
 * by date then the file's order for gold.
 */
public final class LakeExport {
    /** The datasets by name: {@code daily} (or {@code 1d}), {@code 3d} … {@code 34d}, {@code market}, {@code signals}. */
    public static final List<String> DATASETS = List.of("daily", "3d", "5d", "8d", "13d", "21d", "34d", "market", "signals");

    private LakeExport() {}

    /**
     * @param symbols    the symbols, as the lake spells them; empty for all
     * @param from       the first date, null for the first the lake holds
     * @param to         the last date, null for the latest
     * @param adjustment for daily bars; N-session bars are stored split-adjusted and gold as written
     * @throws InvalidSettingException for an unknown dataset or an adjustment the dataset cannot give
     */
    public static ExportTable table(ObjectStore store, String dataset, Set<String> symbols, LocalDate from, LocalDate to,
            Adjustment adjustment) {
        String name = dataset.strip().toLowerCase(Locale.ROOT);
        if (adjustment != Adjustment.SPLIT && !name.equals("daily") && !name.equals("1d")) {
            throw new InvalidSettingException("--adjustment", adjustment.label(), "only daily bars can be exported "
                    + (adjustment == Adjustment.RAW ? "raw" : "with dividends") + "; N-session bars are stored split-adjusted "
                    + "and gold as the scan wrote it");
        }
        return switch (name) {
            case "daily", "1d" -> daily(store, symbols, from, to, adjustment);
            case "market" -> market(store, symbols, from, to);
            case "signals" -> signals(store, symbols, from, to);
            default -> {
                if (!DATASETS.contains(name)) {
                    throw new InvalidSettingException("--dataset", dataset, "expected one of " + String.join(", ", DATASETS));
                }
                yield resampled(store, Timeframe.parse(name), symbols, from, to);
            }
        };
    }

    private static ExportTable daily(ObjectStore store, Set<String> symbols, LocalDate from, LocalDate to, Adjustment adjustment) {
        ExportTable table = new ExportTable(List.of(new Column("symbol", Kind.STRING, false), new Column("date", Kind.DATE, false),
                new Column("open", Kind.DOUBLE, false), new Column("high", Kind.DOUBLE, false), new Column("low", Kind.DOUBLE, false),
                new Column("close", Kind.DOUBLE, false), new Column("volume", Kind.DOUBLE, false),
                new Column("vwap", Kind.DOUBLE, true)));
        Map<String, List<double[]>> rows = new TreeMap<>(); // per symbol: date, o, h, l, c, v, vwap
        LocalDate last = null;
        for (int year : BarHistory.years(store, Timeframe.D1, from, to)) {
            DailyColumns columns = ColumnarParquet.readDaily(store, LakeLayout.silverDaily(year));
            for (int i = 0; i < columns.size(); i++) {
                LocalDate date = LocalDate.ofEpochDay(columns.date(i));
                if (BarHistory.within(date, from, to) && (symbols.isEmpty() || symbols.contains(columns.symbol(i)))) {
                    rows.computeIfAbsent(columns.symbol(i), s -> new ArrayList<>()).add(new double[] {columns.date(i),
                            columns.open(i), columns.high(i), columns.low(i), columns.close(i), columns.volume(i), columns.vwap(i)});
                    last = last == null || date.isAfter(last) ? date : last;
                }
            }
        }
        if (last == null) {
            return table;
        }
        SplitAdjuster splits = BarHistory.splitAdjuster(store, to != null ? to : last);
        List<Dividend> dividends = adjustment == Adjustment.TOTAL_RETURN ? TotalReturn.dividends(store) : List.of();
        for (Map.Entry<String, List<double[]>> symbol : rows.entrySet()) {
            List<double[]> bars = symbol.getValue();
            bars.sort((a, b) -> Double.compare(a[0], b[0]));
            SymbolBarsBuilder builder = new SymbolBarsBuilder();
            double[] vwaps = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                double[] bar = bars.get(i);
                LocalDate date = LocalDate.ofEpochDay((long) bar[0]);
                double f = adjustment == Adjustment.RAW ? 1 : splits.factor(symbol.getKey(), date);
                builder.add(date, bar[1] / f, bar[2] / f, bar[3] / f, bar[4] / f, bar[5] * f);
                vwaps[i] = bar[6] / f;
            }
            SymbolBars adjusted = builder.build(symbol.getKey());
            if (adjustment == Adjustment.TOTAL_RETURN) {
                adjusted = TotalReturn.apply(adjusted, dividends, splits, to != null ? to : last);
            }
            for (int i = 0; i < adjusted.size(); i++) {
                table.add(symbol.getKey(), adjusted.dates()[i], adjusted.open()[i], adjusted.high()[i], adjusted.low()[i],
                        adjusted.close()[i], adjusted.volume()[i], adjustment == Adjustment.TOTAL_RETURN ? Double.NaN : vwaps[i]);
            }
        }
        return table;
    }

    private static ExportTable resampled(ObjectStore store, Timeframe timeframe, Set<String> symbols, LocalDate from, LocalDate to) {
        ExportTable table = new ExportTable(List.of(new Column("symbol", Kind.STRING, false), new Column("start", Kind.DATE, false),
                new Column("end", Kind.DATE, false), new Column("sessions", Kind.INT, false),
                new Column("complete", Kind.BOOLEAN, false), new Column("open", Kind.DOUBLE, false),
                new Column("high", Kind.DOUBLE, false), new Column("low", Kind.DOUBLE, false), new Column("close", Kind.DOUBLE, false),
                new Column("volume", Kind.DOUBLE, false), new Column("vwap", Kind.DOUBLE, true)));
        List<Object[]> rows = new ArrayList<>();
        for (int year : BarHistory.years(store, timeframe, from, to)) {
            ResampledColumns columns = ColumnarParquet.readResampled(store, LakeLayout.bars(timeframe, year));
            for (int i = 0; i < columns.size(); i++) {
                LocalDate start = LocalDate.ofEpochDay(columns.start(i));
                if (BarHistory.within(start, from, to) && (symbols.isEmpty() || symbols.contains(columns.symbol(i)))) {
                    rows.add(new Object[] {columns.symbol(i), start, LocalDate.ofEpochDay(columns.end(i)), columns.sessions(i),
                            columns.complete(i), columns.open(i), columns.high(i), columns.low(i), columns.close(i),
                            columns.volume(i), columns.vwap(i)});
                }
            }
        }
        rows.sort((a, b) -> {
            int bySymbol = ((String) a[0]).compareTo((String) b[0]);
            return bySymbol != 0 ? bySymbol : ((LocalDate) a[1]).compareTo((LocalDate) b[1]);
        });
        rows.forEach(table::add);
        return table;
    }

    private static ExportTable market(ObjectStore store, Set<String> symbols, LocalDate from, LocalDate to) {
        List<String> fields = MarketColumns.columnNames();
        List<Column> columns = new ArrayList<>();
        for (String name : fields) {
            columns.add(switch (name) {
                case "symbol", "trend" -> new Column(name, Kind.STRING, false);
                case "date" -> new Column(name, Kind.DATE, false);
                default -> flag(name) != null ? new Column(name, Kind.BOOLEAN, false) : new Column(name, Kind.DOUBLE, true);
            });
        }
        ExportTable table = new ExportTable(columns);
        for (LocalDate session : sessions(store, LakeLayout.GOLD_MARKET, from, to)) {
            String key = LakeLayout.marketSymbols(session);
            if (store.head(key).isEmpty()) {
                continue;
            }
            MarketColumns rows = ColumnarParquet.readMarket(store, key);
            for (int i = 0; i < rows.size(); i++) {
                if (!symbols.isEmpty() && !symbols.contains(rows.symbol(i))) {
                    continue;
                }
                Object[] values = new Object[fields.size()];
                for (int c = 0; c < values.length; c++) {
                    String name = fields.get(c);
                    MarketColumns.Flag flag = flag(name);
                    values[c] = switch (name) {
                        case "symbol" -> rows.symbol(i);
                        case "date" -> LocalDate.ofEpochDay(rows.date(i));
                        case "trend" -> rows.trend(i);
                        default -> flag != null ? (Object) rows.flag(flag, i)
                                : (Object) rows.figure(MarketColumns.Figure.valueOf(name.toUpperCase(Locale.ROOT)), i);
                    };
                }
                table.add(values);
            }
        }
        return table;
    }

    private static MarketColumns.Flag flag(String column) {
        for (MarketColumns.Flag flag : MarketColumns.Flag.values()) {
            if (flag.name().equalsIgnoreCase(column)) {
                return flag;
            }
        }
        return null;
    }

    private static ExportTable signals(ObjectStore store, Set<String> symbols, LocalDate from, LocalDate to) {
        ExportTable table = new ExportTable(List.of(new Column("session", Kind.DATE, false), new Column("rank", Kind.INT, false),
                new Column("symbol", Kind.STRING, false), new Column("strategy", Kind.STRING, false),
                new Column("signal", Kind.STRING, false), new Column("score", Kind.DOUBLE, false),
                new Column("timeframes", Kind.STRING, false), new Column("explanation", Kind.STRING, false),
                new Column("values", Kind.STRING, false)));
        for (LocalDate session : sessions(store, LakeLayout.GOLD_SIGNALS, from, to)) {
            if (store.head(LakeLayout.signals(session)).isEmpty()) {
                continue;
            }
            for (SignalPick pick : ParquetCodec.SIGNALS.read(store, LakeLayout.signals(session))) {
                if (symbols.isEmpty() || symbols.contains(pick.symbol())) {
                    table.add(pick.session(), pick.rank(), pick.symbol(), pick.strategy(), pick.signal(), pick.score(),
                            pick.timeframes(), pick.explanation(), pick.values());
                }
            }
        }
        return table;
    }

    private static Set<LocalDate> sessions(ObjectStore store, String prefix, LocalDate from, LocalDate to) {
        Set<LocalDate> sessions = new TreeSet<>();
        store.list(prefix).forEach(info -> LakeLayout.dateOf(info.key()).filter(date -> BarHistory.within(date, from, to)).ifPresent(sessions::add));
        return sessions;
    }
}
