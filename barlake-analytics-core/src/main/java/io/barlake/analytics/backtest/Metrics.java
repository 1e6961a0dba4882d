package io.barlake.analytics.backtest;

/**
 * A backtest's performance. Returns are fractions (0.12 = 12 %). Ratios use a zero risk-free
 * rate and the per-bar returns of the equity curve annualised with {@code barsPerYear}. Every
 * field is a finite number, so results serialise to JSON as they are: a ratio whose denominator
 * is zero is 0, and the profit factor without a losing trade is capped at {@link #PROFIT_FACTOR_CAP}.
 *
 * @param totalReturn            final equity / initial − 1
 * @param cagr                   compound annual growth rate
 * @param annualVolatility       standard deviation of bar returns × √barsPerYear
 * @param sharpe                 mean bar return / its standard deviation × √barsPerYear
 * @param sortino                mean bar return / downside deviation × √barsPerYear
 * @param maxDrawdown            largest fall from a running peak of equity, as a fraction of that peak
 * @param maxDrawdownBars        longest stretch, in bars, spent below a previous peak
 * @param calmar                 CAGR / max drawdown
 * @param winRate                winning trades / trades
 * @param profitFactor           gross profit / gross loss
 * @param expectancy             mean net profit per trade, in currency
 * @param exposure               fraction of bars with a position open
 * @param trades                 number of round trips
 */
public record Metrics(double totalReturn, double cagr, double annualVolatility, double sharpe, double sortino,
        double maxDrawdown, int maxDrawdownBars, double calmar, double winRate, double profitFactor, double expectancy,
        double exposure, int trades) {

    /** Profit factor reported when there are winning trades and no losing one. */
    public static final double PROFIT_FACTOR_CAP = 999.0;
}
