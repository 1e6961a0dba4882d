package io.barlake.cli;

import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.CompositeStrategies;
import io.barlake.analytics.strategy.IndicatorSpec;
import io.barlake.analytics.strategy.Operand;
import io.barlake.lake.read.SymbolBarsBuilder;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.series.LakeSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code barlake indicators}: indicator columns for a CSV of bars or a symbol's bars in the lake, computed as TA-Lib computes them. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        header = "Add indicator columns to a CSV of bars or to a symbol's bars from the lake.",
        description = {"Add indicator columns to a CSV of bars (columns date, open, high, low, close, volume; others are",
                "ignored), or to one symbol's bars from the lake (--symbol). Warm-up cells are empty. Every function of",
                "TA-Lib (overlap studies, momentum, volume, volatility, cycle, price transforms, statistics, math and",
                "the 61 candlestick patterns) plus VWAP, HIGHEST, LOWEST, DONCHIAN, KELTNER, SUPERTREND, ICHIMOKU,",
                "HEIKINASHI and AVWAP (anchored at a date: avwap:20240102): see --list. A name alone uses its defaults",
                "(TA-Lib's): --spec cdlengulfing,macd,stochrsi,supertrend (docs/analytics.md)."})
final class IndicatorsCommand extends LakeCommand {
    private static final List<String> COLUMNS = List.of("date", "open", "high", "low", "close", "volume");

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Input input;

    @Option(names = "--list", description = "List the indicators instead: name, group, inputs, parameters (default and range),"
            + " outputs with their CSV column at the defaults.")
    boolean list;

    @Option(names = "--json", description = "With --list: as JSON, for programs.")
    boolean json;

    @Option(names = "--schema", description = "Print the JSON Schema of composite strategies, its indicator names from this list.")
    boolean schema;

    /** Where the bars come from: a CSV file, or a symbol of the lake. */
    static final class Input {
        @Option(names = "--csv", paramLabel = "FILE", description = "Bars, oldest first.")
        Path csv;

        @Option(names = "--symbol", paramLabel = "TICKER", description = "A symbol's bars from the lake instead, e.g. AAPL.")
        String symbol;
    }

    /** With --symbol: which of its bars, as backtest reads them. */
    @Mixin
    BarsSelection selection = new BarsSelection();

    @Option(names = "--spec", paramLabel = "LIST",
            description = "Indicators with their parameters, e.g. rsi:14,ema:20,macd:12:26:9,bbands:20:2,atr:14,sma:50; a name"
                    + " alone for its defaults")
    String indicatorSpec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (list || schema) {
            PrintWriter printed = spec.commandLine().getOut();
            printed.print(schema ? CompositeStrategies.schema() + "\n" : json ? IndicatorListing.json() : IndicatorListing.text());
            printed.flush();
            return ExitCodes.OK;
        }
        if (json) {
            throw new InvalidSettingException("--json", null, "goes with --list");
        }
        if (input == null) {
            throw new InvalidSettingException("--csv", null, "give --csv FILE or --symbol TICKER (or --list)");
        }
        if (indicatorSpec == null) {
            throw new InvalidSettingException("--spec", null, "missing: name the indicators, e.g. --spec rsi:14,macd (see --list)");
        }
        List<Operand.Indicator> indicators = parseSpec(indicatorSpec);
        BarSeries bars = input.csv != null ? readBars(input.csv) : lakeBars();
        Map<String, double[]> columns = IndicatorSpec.columns(bars, indicators);
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(columns.keySet());
        List<double[]> values = new ArrayList<>(columns.values());
        Writer target = out == null ? spec.commandLine().getOut() : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(target, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(header);
            for (int i = 0; i < bars.size(); i++) {
                List<String> row = new ArrayList<>(header.size());
                row.add(bars.dates()[i].toString());
                for (double[] column : new double[][] {bars.open(), bars.high(), bars.low(), bars.close(), bars.volume()}) {
                    row.add(number(column[i]));
                }
                for (double[] column : values) {
                    row.add(number(column[i]));
                }
                printer.printRecord(row);
            }
            printer.flush();
        } finally {
            if (out == null) {
                spec.commandLine().getOut().flush();
            }
        }
        if (out != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Wrote " + bars.size() + " rows x " + header.size() + " columns to " + out);
            err.flush();
        }
        return ExitCodes.OK;
    }

    /** The symbol's bars from the lake, adjusted and followed as asked. */
    private BarSeries lakeBars() {
        try (ObjectStore store = lake.open(parent.environment())) {
            return selection.load(store, input.symbol, parent.clock());
        }
    }

    static List<Operand.Indicator> parseSpec(String text) {
        try {
            return IndicatorSpec.parse(text);
        } catch (IndicatorSpec.Problem e) {
            throw new InvalidSettingException("--spec", e.entry(), e.getMessage());
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    static BarSeries readBars(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingException("--csv", file.toString(), "no such file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                     .setTrim(true).get().parse(reader)) {
            Map<String, Integer> positions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            positions.putAll(parser.getHeaderMap());
            for (String column : COLUMNS) {
                if (!positions.containsKey(column)) {
                    throw new InvalidSettingException("--csv", file.toString(), "no '" + column
                            + "' column (header: " + parser.getHeaderNames() + ")");
                }
            }
            SymbolBarsBuilder series = new SymbolBarsBuilder();
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                LocalDate date;
                try {
                    date = LocalDate.parse(record.get(positions.get("date")));
                } catch (DateTimeParseException e) {
                    throw new InvalidSettingException("--csv", file.toString(), "line " + line
                            + ": '" + record.get(positions.get("date")) + "' is not a date (YYYY-MM-DD)");
                }
                double[] row = new double[5];
                for (int c = 1; c < COLUMNS.size(); c++) {
                    String cell = record.get(positions.get(COLUMNS.get(c)));
                    try {
                        row[c - 1] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new InvalidSettingException("--csv", file.toString(), "line " + line
                                + ": '" + cell + "' is not a number in column " + COLUMNS.get(c));
                    }
                }
                series.add(date, row[0], row[1], row[2], row[3], row[4]);
            }
            try {
                return LakeSeries.of(series.build(file.getFileName().toString()));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("--csv", file.toString(), e.getMessage());
            }
        }
    }
}
