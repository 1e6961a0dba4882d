package io.barlake.analytics.strategy;

import io.barlake.analytics.series.BarSeries;
import java.util.HashMap;
import java.util.Map;

/**
 * The bars a strategy runs on, with each indicator computed once however many rules read it.
 * Not thread-safe: one context per evaluation.
 */
public final class BarContext {
    private final BarSeries bars;
    private final Map<String, double[][]> computed = new HashMap<>();

    public BarContext(BarSeries bars) {
        this.bars = bars;
    }

    public BarSeries bars() {
        return bars;
    }

    double[] indicator(Operand.Indicator indicator) {
        IndicatorCatalog.Definition definition = IndicatorCatalog.find(indicator.name()).orElseThrow();
        String key = indicator.name() + java.util.Arrays.toString(indicator.parameters()) + indicator.source();
        double[][] outputs = computed.computeIfAbsent(key, k -> {
            double[] raw = indicator.parameters();
            int[] periods = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                periods[i] = (int) Math.round(raw[i]);
            }
            return definition.compute().apply(bars, indicator.source().of(bars), periods, raw);
        });
        return outputs[definition.outputs().indexOf(indicator.output())];
    }
}
