package io.barlake.analytics.strategy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strategy's signal at every bar of a series, with explanations computed on demand; the rule
 * sentences are built once per series, however many signals are explained.
 */
public final class StrategySignals {
    private final Strategy strategy;
    private final BarContext context;
    private final Signal[] signals;
    private String buyRule;
    private String sellRule;

    StrategySignals(Strategy strategy, BarContext context, Signal[] signals) {
        this.strategy = strategy;
        this.context = context;
        this.signals = signals;
    }

    public int size() {
        return signals.length;
    }

    public Signal at(int bar) {
        return signals[bar];
    }

    /** Why the signal at {@code bar} is what it is: the step, the rule and the values it read there. */
    public Explanation explain(int bar) {
        Map<String, Double> values = new LinkedHashMap<>();
        switch (signals[bar]) {
            case BUY -> {
                strategy.setup().values(context, bar, values);
                strategy.trigger().values(context, bar, values);
                if (buyRule == null) {
                    buyRule = strategy.setup() instanceof Rule.Always ? strategy.trigger().describe()
                            : strategy.trigger().describe() + " (setup: " + strategy.setup().describe() + ")";
                }
                return new Explanation("trigger", buyRule, values);
            }
            case SELL -> {
                strategy.exit().values(context, bar, values);
                if (sellRule == null) {
                    sellRule = strategy.exit().describe();
                }
                return new Explanation("exit", sellRule, values);
            }
            default -> {
                return new Explanation("hold", "no rule fired", values);
            }
        }
    }

    public Strategy strategy() {
        return strategy;
    }
}
