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
    private final boolean[] buy;
    private final boolean[] sell;
    private String buyRule;
    private String sellRule;

    /** {@code buy}: setup and trigger hold; {@code sell}: the exit holds (BUY wins where both do). */
    StrategySignals(Strategy strategy, BarContext context, boolean[] buy, boolean[] sell) {
        this.strategy = strategy;
        this.context = context;
        this.buy = buy;
        this.sell = sell;
    }

    public int size() {
        return buy.length;
    }

    public Signal at(int bar) {
        return buy[bar] ? Signal.BUY : sell[bar] ? Signal.SELL : Signal.HOLD;
    }

    /** The first bar at or after {@code from} whose signal is BUY; {@link #size()} if none. */
    public int nextBuy(int from) {
        int bar = from;
        while (bar < buy.length && !buy[bar]) {
            bar++;
        }
        return bar;
    }

    /** The first bar at or after {@code from} whose signal is SELL; {@link #size()} if none. */
    public int nextSell(int from) {
        int bar = from;
        while (bar < sell.length && !(sell[bar] && !buy[bar])) {
            bar++;
        }
        return bar;
    }

    /** Why the signal at {@code bar} is what it is: the step, the rule and the values it read there. */
    public Explanation explain(int bar) {
        Map<String, Double> values = new LinkedHashMap<>();
        switch (at(bar)) {
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
                // Why nothing fired: the values both the entry and the exit rules read at this bar.
                strategy.setup().values(context, bar, values);
                strategy.trigger().values(context, bar, values);
                strategy.exit().values(context, bar, values);
                return new Explanation("hold", "no rule fired", values);
            }
        }
    }

    public Strategy strategy() {
        return strategy;
    }
}
