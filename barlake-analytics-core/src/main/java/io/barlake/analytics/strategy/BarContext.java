package io.barlake.analytics.strategy;

import io.barlake.analytics.series.BarSeries;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The bars a strategy runs on, with each indicator computed once however many rules read it.
 * Not thread-safe: one context per evaluation.
 */
public final class BarContext {
    private final BarSeries bars;
    private final Map<Key, double[][]> computed = new HashMap<>();
    /** The same operand object is read at every explanation: found by identity before any hashing. */
    private final Map<Operand.Indicator, double[]> byOperand = new IdentityHashMap<>();

    /** What identifies an indicator's outputs: name, parameters (at most three) and input column. */
    private record Key(String name, int count, double p0, double p1, double p2, PriceField source) {
        static Key of(Operand.Indicator indicator) {
            double[] p = indicator.parameters();
            return new Key(indicator.name(), p.length, p.length > 0 ? p[0] : 0, p.length > 1 ? p[1] : 0,
                    p.length > 2 ? p[2] : 0, indicator.source());
        }
    }

    public BarContext(BarSeries bars) {
        this.bars = bars;
    }

    public BarSeries bars() {
        return bars;
    }

    double[] indicator(Operand.Indicator indicator) {
        double[] known = byOperand.get(indicator);
        if (known != null) {
            return known;
        }
        double[][] outputs = computed.computeIfAbsent(Key.of(indicator), k -> {
            double[] raw = indicator.parameters();
            int[] periods = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                periods[i] = (int) Math.round(raw[i]);
            }
            return indicator.definition().compute().apply(bars, indicator.source().of(bars), periods, raw);
        });
        double[] values = outputs[indicator.outputIndex()];
        byOperand.put(indicator, values);
        return values;
    }
}
