package io.barlake.analytics.strategy;

import io.barlake.analytics.series.BarSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list of indicators with their parameters as people write it, {@code rsi:14,ema:20,macd:12:26:9,bbands:20:2}, or
 * a name alone for its defaults ({@code cdlengulfing,macd,stochrsi}: TA-Lib's),
 * and their values over a series as named columns ({@code rsi_14}, {@code macd_12_26_9_signal},
 * {@code bbands_20_2_upper}). Used by {@code barlake indicators} and the serving API's overlays.
 */
public final class IndicatorSpec {
    private IndicatorSpec() {}

    /** A spec entry that cannot be used: the entry as written and what is wrong with it. */
    public static final class Problem extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String entry;

        Problem(String entry, String problem) {
            super(problem);
            this.entry = entry;
        }

        /** The entry as written, or null when the problem is the whole spec's. */
        public String entry() {
            return entry;
        }
    }

    /** The indicators of {@code text}, each with its default output. */
    public static List<Operand.Indicator> parse(String text) {
        List<Operand.Indicator> indicators = new ArrayList<>();
        for (String entry : text.split(",")) {
            String[] parts = entry.trim().split(":");
            String name = parts[0].trim().toUpperCase(Locale.ROOT);
            IndicatorCatalog.Definition definition = IndicatorCatalog.find(name).orElseThrow(() -> new Problem(parts[0],
                    "unknown indicator" + CompositeStrategies.suggestion(name, IndicatorCatalog.names())));
            if (parts.length == 1 && definition.defaults() != null) { // a name alone: its defaults
                indicators.add(new Operand.Indicator(name, definition.defaults(), null, null));
                continue;
            }
            if (parts.length - 1 != definition.parameters().size()) {
                throw new Problem(entry.trim(), parts[0] + " takes " + definition.parameters().size() + " parameters "
                        + definition.parameters() + ", e.g. " + parts[0] + example(definition));
            }
            double[] parameters = new double[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                try {
                    parameters[i - 1] = Double.parseDouble(parts[i]);
                } catch (NumberFormatException e) {
                    throw new Problem(entry.trim(), "'" + parts[i] + "' is not a number");
                }
                String problem = definition.problem(i - 1, parameters[i - 1]);
                if (problem != null) {
                    throw new Problem(entry.trim(), problem);
                }
            }
            try {
                indicators.add(new Operand.Indicator(name, parameters, null, null));
            } catch (IllegalArgumentException e) {
                throw new Problem(null, e.getMessage());
            }
        }
        return indicators;
    }

    /** Every output of every indicator over {@code bars}, by column name, in spec order; warm-up values are NaN. */
    public static Map<String, double[]> columns(BarSeries bars, List<Operand.Indicator> indicators) {
        BarContext context = new BarContext(bars);
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (Operand.Indicator indicator : indicators) {
            for (String output : IndicatorCatalog.find(indicator.name()).orElseThrow().outputs()) {
                Operand.Indicator one = new Operand.Indicator(indicator.name(), indicator.parameters(), output, null);
                columns.put(columnName(one, output), one.values(context));
            }
        }
        return columns;
    }

    /** {@code rsi_14}, or {@code macd_12_26_9_signal} for an indicator of several outputs. */
    public static String columnName(Operand.Indicator indicator, String output) {
        StringBuilder name = new StringBuilder(indicator.name().toLowerCase(Locale.ROOT));
        for (double p : indicator.parameters()) {
            name.append('_').append(p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p));
        }
        return IndicatorCatalog.find(indicator.name()).orElseThrow().outputs().size() > 1 ? name + "_" + output : name.toString();
    }

    private static String example(IndicatorCatalog.Definition definition) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < definition.parameters().size(); i++) {
            text.append(':').append(i == 0 ? 14 : 2);
        }
        return text.toString();
    }
}
