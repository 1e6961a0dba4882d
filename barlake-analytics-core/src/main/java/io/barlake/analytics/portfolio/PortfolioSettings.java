package io.barlake.analytics.portfolio;

/**
 * How a portfolio backtest trades: one cash account of {@code initialCapital}, at most
 * {@code maxPositions} positions, the {@link Sizing} of each entry, the {@link Costs} of each fill,
 * and {@code barsPerYear} to annualise (252 for daily bars). Long only.
 */
public record PortfolioSettings(double initialCapital, int maxPositions, Sizing sizing, Costs costs, double barsPerYear) {
    public PortfolioSettings {
        if (!(initialCapital > 0 && Double.isFinite(initialCapital))) {
            throw new IllegalArgumentException("initial capital must be > 0, was " + initialCapital);
        }
        if (maxPositions < 1 || maxPositions > 1_000) {
            throw new IllegalArgumentException("max positions must be from 1 to 1000, was " + maxPositions);
        }
        if (sizing == null || costs == null || !(barsPerYear > 0)) {
            throw new IllegalArgumentException("sizing and costs are required, bars per year > 0");
        }
    }

    /** $100,000, 10 positions of equal weight, no costs, daily bars. */
    public static PortfolioSettings defaults() {
        return new PortfolioSettings(100_000, 10, new Sizing.EqualWeight(), Costs.none(), 252);
    }
}
