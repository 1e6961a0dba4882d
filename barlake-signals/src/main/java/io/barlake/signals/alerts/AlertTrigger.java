package io.barlake.signals.alerts;

import static java.util.Objects.requireNonNull;

import io.barlake.analytics.alerts.AlertCondition;

/**
 * What an alert rule waits for, one kind per record: the close crossing above or below a level, or
 * an expression of the composite-strategy grammar holding. The stored rule keeps the kind's name
 * ({@link #kind()}) and its one parameter, so {@code rules.json} reads the same as before kinds
 * were types.
 */
public sealed interface AlertTrigger permits AlertTrigger.PriceAbove, AlertTrigger.PriceBelow, AlertTrigger.Condition {
    /** The kind's name as requests and {@code rules.json} spell it. */
    String kind();

    /** The check the nightly scan runs on the rule's symbol's daily bars. */
    AlertCondition condition();

    /** The price level of the two price kinds; null for a condition. */
    default Double priceLevel() {
        return null;
    }

    /** The expression's JSON of a condition; null for the price kinds. */
    default String expressionJson() {
        return null;
    }

    /** The close crosses above {@code level}. */
    record PriceAbove(double level) implements AlertTrigger {
        public static final String KIND = "price_above";

        public PriceAbove {
            requirePrice(level);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AlertCondition condition() {
            return new AlertCondition.PriceAbove(level);
        }

        @Override
        public Double priceLevel() {
            return level;
        }
    }

    /** The close crosses below {@code level}. */
    record PriceBelow(double level) implements AlertTrigger {
        public static final String KIND = "price_below";

        public PriceBelow {
            requirePrice(level);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AlertCondition condition() {
            return new AlertCondition.PriceBelow(level);
        }

        @Override
        public Double priceLevel() {
            return level;
        }
    }

    /** An expression of the composite-strategy grammar, as JSON, holds on the session. */
    record Condition(String expression) implements AlertTrigger {
        public static final String KIND = "condition";

        public Condition {
            requireNonNull(expression, "expression is null");
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AlertCondition condition() {
            return AlertCondition.expression(expression);
        }

        @Override
        public String expressionJson() {
            return expression;
        }
    }

    private static void requirePrice(double level) {
        if (!(level > 0) || !Double.isFinite(level)) {
            throw new IllegalArgumentException("an alert's level must be a price above 0, was " + level);
        }
    }
}
