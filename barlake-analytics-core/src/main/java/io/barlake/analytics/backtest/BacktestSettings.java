package io.barlake.analytics.backtest;

/**
 * How a backtest trades. Commission per fill is {@code commissionFixed + commissionPercent% × value};
 * slippage moves every fill against the trader by {@code slippagePercent%} of its price. Sizing
 * spends all equity ({@code positionFraction = 1}) or a fixed fraction of it on each entry;
 * fractional shares are allowed, so results do not depend on the capital. {@code barsPerYear}
 * annualises returns: 252 for daily bars, 252/N for N-session bars.
 */
public record BacktestSettings(double initialCapital, double commissionFixed, double commissionPercent,
        double slippagePercent, double positionFraction, double barsPerYear) {

    public BacktestSettings {
        require(initialCapital > 0 && Double.isFinite(initialCapital), "initial_capital must be > 0");
        require(commissionFixed >= 0 && commissionFixed < initialCapital, "commission_fixed must be >= 0 and below the capital");
        require(commissionPercent >= 0 && commissionPercent < 10, "commission_percent must be in [0, 10)");
        require(slippagePercent >= 0 && slippagePercent < 10, "slippage_percent must be in [0, 10)");
        require(positionFraction > 0 && positionFraction <= 1, "position_fraction must be in (0, 1]");
        require(barsPerYear > 0, "bars_per_year must be > 0");
    }

    /** $100,000, no costs, all-in, daily bars. */
    public static BacktestSettings defaults() {
        return new BacktestSettings(100_000, 0, 0, 0, 1, 252);
    }

    /** The same settings for bars of {@code sessions} sessions each. */
    public BacktestSettings forSessionsPerBar(int sessions) {
        return new BacktestSettings(initialCapital, commissionFixed, commissionPercent, slippagePercent, positionFraction,
                252.0 / sessions);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
