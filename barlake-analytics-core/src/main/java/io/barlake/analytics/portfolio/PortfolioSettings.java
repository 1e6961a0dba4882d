package io.barlake.analytics.portfolio;

import java.util.Locale;

/**
 * How a portfolio backtest trades: one cash account of {@code initialCapital}, at most
 * {@code maxPositions} positions, the {@link Sizing} of each entry, the {@link Costs} of each fill
 * (the borrow of short sales among them), {@code barsPerYear} to annualise (252 for daily bars),
 * and the {@link Direction}: long only, or long and short.
 */
public record PortfolioSettings(double initialCapital, int maxPositions, Sizing sizing, Costs costs, double barsPerYear,
        Direction direction) {
    /** Which way a portfolio may trade. */
    public enum Direction {
        /** A BUY opens a long position, a SELL closes it. */
        LONG_ONLY("long"),
        /**
         * Also short: a SELL when flat opens a short sale and a BUY covers it; a signal against a held
         * position closes it and opens the other side at the same open (stop and reverse).
         */
        LONG_SHORT("long-short");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        /** {@code long} or {@code long-short}, as the command line and the API write it. */
        public String label() {
            return label;
        }

        /**
         * {@code long} or {@code long-short} (also {@code long_short}).
         *
         * @throws IllegalArgumentException naming what is allowed
         */
        public static Direction parse(String value) {
            String normal = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Direction direction : values()) {
                if (direction.label.equals(normal)) {
                    return direction;
                }
            }
            throw new IllegalArgumentException("direction must be long or long-short, was '" + value + "'");
        }
    }

    public PortfolioSettings {
        if (!(initialCapital > 0 && Double.isFinite(initialCapital))) {
            throw new IllegalArgumentException("initial capital must be > 0, was " + initialCapital);
        }
        if (maxPositions < 1 || maxPositions > 1_000) {
            throw new IllegalArgumentException("max positions must be from 1 to 1000, was " + maxPositions);
        }
        if (sizing == null || costs == null || direction == null || !(barsPerYear > 0)) {
            throw new IllegalArgumentException("sizing, costs and direction are required, bars per year > 0");
        }
    }

    /** Long only. */
    public PortfolioSettings(double initialCapital, int maxPositions, Sizing sizing, Costs costs, double barsPerYear) {
        this(initialCapital, maxPositions, sizing, costs, barsPerYear, Direction.LONG_ONLY);
    }

    /** $100,000, 10 positions of equal weight, no costs, daily bars, long only. */
    public static PortfolioSettings defaults() {
        return new PortfolioSettings(100_000, 10, new Sizing.EqualWeight(), Costs.none(), 252);
    }

    /** In words, as reports and summaries print them: "Capital 100,000; at most 10 positions, equal weight; costs none; long only". */
    public String describe() {
        return String.format(Locale.ROOT, "Capital %,.0f; at most %d positions, %s; costs %s; %s", initialCapital, maxPositions,
                sizing.describe(), costs.describe(), direction == Direction.LONG_ONLY ? "long only" : "long and short");
    }

    /** The same settings trading {@code other}. */
    public PortfolioSettings withDirection(Direction other) {
        return new PortfolioSettings(initialCapital, maxPositions, sizing, costs, barsPerYear, other);
    }
}
