package io.barlake.analytics.alerts;

import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.CompositeStrategies;
import io.barlake.analytics.strategy.Rule;
import io.barlake.analytics.strategy.StrategyConfigException;
import java.util.List;
import java.util.Locale;

/**
 * What an alert waits for, checked at a series' latest bar: the close crossing a level (from
 * below for {@link PriceAbove}, from above for {@link PriceBelow}), or an expression of the
 * composite-strategy grammar ({@code {"left":…,"op":…,"right":…}}, with AND/OR/NOT) holding.
 */
public sealed interface AlertCondition {
    /** Whether the condition is met on the latest bar. */
    boolean firesAtLatest(BarSeries bars);

    /** One line for the notification. */
    String describe();

    record PriceAbove(double level) implements AlertCondition {
        @Override
        public boolean firesAtLatest(BarSeries bars) {
            int n = bars.size();
            return n >= 2 && bars.close()[n - 2] < level && bars.close()[n - 1] >= level;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "close crossed above %s", level);
        }
    }

    record PriceBelow(double level) implements AlertCondition {
        @Override
        public boolean firesAtLatest(BarSeries bars) {
            int n = bars.size();
            return n >= 2 && bars.close()[n - 2] > level && bars.close()[n - 1] <= level;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "close crossed below %s", level);
        }
    }

    record Expression(Rule rule, String json) implements AlertCondition {
        @Override
        public boolean firesAtLatest(BarSeries bars) {
            boolean[] holds = rule.evaluate(new BarContext(bars));
            return holds.length > 0 && holds[holds.length - 1];
        }

        @Override
        public String describe() {
            return "condition held: " + json;
        }
    }

    /**
     * The expression of {@code json}, read by the composite-strategy grammar and limits.
     *
     * @throws StrategyConfigException with every problem, its path starting at {@code condition}
     */
    static Expression expression(String json) {
        // Parsed as the trigger of a strategy whose exit never holds: one grammar, one set of checks.
        String strategy = "{\"name\":\"alert\",\"components\":{\"trigger\":{\"expression\":" + json
                + "},\"exit\":{\"expression\":{\"left\":{\"price\":\"close\"},\"op\":\"LT\",\"right\":{\"constant\":0}}}}}";
        try {
            return new Expression(CompositeStrategies.parse(strategy).trigger(), json);
        } catch (StrategyConfigException e) {
            List<StrategyConfigException.Problem> problems = e.problems().stream()
                    .map(p -> new StrategyConfigException.Problem(p.path().replace("components.trigger.expression", "condition"),
                            p.message()))
                    .toList();
            throw new StrategyConfigException(problems);
        }
    }
}
