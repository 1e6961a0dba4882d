package io.barlake.cli;

import io.barlake.analytics.backtest.Metrics;
import io.barlake.analytics.strategy.CompositeStrategies;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.analytics.sweep.Sweep;
import io.barlake.lake.store.InvalidSettingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grid {@code sweep} and {@code walkforward} run: a composite strategy file with {@code "$name"}
 * where numbers go, and each name's values from {@code --param NAME=FROM:TO:STEP} or
 * {@code NAME=V1,V2,...}; and the metric that ranks combinations.
 */
record ParameterGrid(String template, List<String> names, List<double[]> values) {
    /** Most combinations in one grid. */
    static final int MAX_COMBINATIONS = 100_000;
    private static final Pattern PARAM = Pattern.compile("([a-z][a-z0-9_]{0,31})=(.+)");
    private static final Map<String, ToDoubleFunction<Metrics>> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("sharpe", Metrics::sharpe);
        METRICS.put("sortino", Metrics::sortino);
        METRICS.put("calmar", Metrics::calmar);
        METRICS.put("total_return", Metrics::totalReturn);
        METRICS.put("cagr", Metrics::cagr);
        METRICS.put("profit_factor", Metrics::profitFactor);
        METRICS.put("expectancy", Metrics::expectancy);
    }

    /** The metric named, or a one-line refusal listing them. */
    static ToDoubleFunction<Metrics> metric(String name) {
        ToDoubleFunction<Metrics> metric = METRICS.get(name.toLowerCase(Locale.ROOT));
        if (metric == null) {
            throw new InvalidSettingException("--metric", name, "one of " + String.join(", ", METRICS.keySet()));
        }
        return metric;
    }

    static ParameterGrid of(String strategyFile, List<String> params) {
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        long combinations = 1;
        for (String param : params) {
            Matcher matcher = PARAM.matcher(param.trim());
            if (!matcher.matches() || names.contains(matcher.group(1))) {
                throw new InvalidSettingException("--param", param, "NAME=FROM:TO:STEP or NAME=V1,V2,... with a lower-case name, once each");
            }
            names.add(matcher.group(1));
            double[] choices = values(param, matcher.group(2));
            values.add(choices);
            combinations *= choices.length;
            if (combinations > MAX_COMBINATIONS) {
                throw new InvalidSettingException("--param", String.join(" ", params), "more than " + MAX_COMBINATIONS + " combinations");
            }
        }
        String template = StrategyArgument.read(strategyFile);
        for (String name : names) {
            if (!template.contains("\"$" + name + "\"")) {
                throw new InvalidSettingException("--param", name, "the strategy has no \"$" + name + "\" to fill");
            }
        }
        return new ParameterGrid(template, names, values);
    }

    /** The first combination, to show the template's problems before anything runs. */
    double[] first() {
        return values.stream().mapToDouble(choices -> choices[0]).toArray();
    }

    /** The strategy JSON with {@code combination}'s values in place of its names. */
    String filled(double[] combination) {
        String json = template;
        for (int p = 0; p < names.size(); p++) {
            json = json.replace("\"$" + names.get(p) + "\"", Sweep.label(combination[p]));
        }
        return json;
    }

    Strategy build(double[] combination) {
        return CompositeStrategies.parse(filled(combination));
    }


    /** FROM:TO:STEP (inclusive) or a comma list. */
    private static double[] values(String param, String spec) {
        try {
            if (spec.contains(":")) {
                String[] parts = spec.split(":");
                double from = Double.parseDouble(parts[0]);
                double to = Double.parseDouble(parts[1]);
                double step = Double.parseDouble(parts[2]);
                if (parts.length != 3 || !(step > 0) || to < from || (to - from) / step > MAX_COMBINATIONS) {
                    throw new IllegalArgumentException("bad range");
                }
                int count = (int) Math.floor((to - from) / step + 1e-9) + 1;
                double[] out = new double[count];
                for (int i = 0; i < count; i++) {
                    out[i] = from + i * step;
                }
                return out;
            }
            return java.util.Arrays.stream(spec.split(",")).mapToDouble(v -> Double.parseDouble(v.trim())).toArray();
        } catch (RuntimeException e) {
            throw new InvalidSettingException("--param", param, "values as FROM:TO:STEP (step > 0, FROM <= TO) or V1,V2,...");
        }
    }
}
