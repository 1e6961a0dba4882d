package io.barlake.analytics.portfolio;

/**
 * A portfolio's figures against its benchmark, from the session-by-session equity (returns are
 * close to close, annualised with {@code barsPerYear}, risk-free rate 0): total return, CAGR,
 * volatility, Sharpe, Sortino, maximum drawdown and its longest duration in sessions, Calmar; the
 * benchmark's total return and the excess over it; beta (covariance of the returns over the
 * benchmark's variance), alpha (annualised mean of r − β·b), tracking error (annualised deviation
 * of r − b) and information ratio (annualised mean of r − b over the tracking error); exposure,
 * turnover, fees (commissions, slippage and short borrow); win rate, profit factor and expectancy of the trades.
 */
public record PortfolioMetrics(double totalReturn, double cagr, double volatility, double sharpe, double sortino,
        double maxDrawdown, int maxDrawdownSessions, double calmar, String benchmark, double benchmarkReturn, double excessReturn,
        double alpha, double beta, double trackingError, double informationRatio, double exposure, double annualTurnover,
        double fees, int trades, double winRate, double profitFactor, double expectancy) {

    public static PortfolioMetrics of(PortfolioResult result, Benchmark benchmark) {
        double[] equity = result.equity();
        double[] against = benchmark.equity();
        double capital = result.settings().initialCapital();
        double perYear = result.settings().barsPerYear();
        int n = equity.length;
        double totalReturn = n == 0 ? 0 : equity[n - 1] / capital - 1;
        double benchmarkReturn = n == 0 ? 0 : against[n - 1] / capital - 1;
        double years = n / perYear;
        double cagr = n == 0 || equity[n - 1] <= 0 ? -1 : Math.pow(equity[n - 1] / capital, 1 / years) - 1;
        double[] r = returns(equity, capital);
        double[] b = returns(against, capital);
        double meanR = mean(r);
        double meanB = mean(b);
        double deviation = Math.sqrt(variance(r, meanR));
        double downside = 0;
        for (double value : r) {
            downside += Math.min(value, 0) * Math.min(value, 0) / Math.max(1, r.length);
        }
        downside = Math.sqrt(downside);
        double covariance = 0;
        double[] active = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            covariance += (r[i] - meanR) * (b[i] - meanB) / Math.max(1, r.length - 1);
            active[i] = r[i] - b[i];
        }
        double varianceB = variance(b, meanB);
        double beta = varianceB > 0 ? covariance / varianceB : 0;
        double alpha = (meanR - beta * meanB) * perYear;
        double meanActive = mean(active);
        double trackingError = Math.sqrt(variance(active, meanActive) * perYear);
        double informationRatio = trackingError > 0 ? meanActive * perYear / trackingError : 0;
        double peak = capital;
        double maxDrawdown = 0;
        int longest = 0;
        int since = 0;
        for (double value : equity) {
            if (value >= peak) {
                peak = value;
                since = 0;
            } else {
                since++;
                longest = Math.max(longest, since);
                maxDrawdown = Math.max(maxDrawdown, 1 - value / peak);
            }
        }
        double wins = 0;
        double losses = 0;
        int won = 0;
        double profit = 0;
        for (PortfolioTrade trade : result.trades()) {
            profit += trade.profit();
            if (trade.profit() > 0) {
                wins += trade.profit();
                won++;
            } else {
                losses -= trade.profit();
            }
        }
        int trades = result.trades().size();
        double annualise = Math.sqrt(perYear);
        return new PortfolioMetrics(totalReturn, cagr, deviation * annualise, deviation > 0 ? meanR / deviation * annualise : 0,
                downside > 0 ? meanR / downside * annualise : 0, maxDrawdown, longest, maxDrawdown > 0 ? cagr / maxDrawdown : 0,
                benchmark.name(), benchmarkReturn, totalReturn - benchmarkReturn, alpha, beta, trackingError, informationRatio,
                result.exposure(), result.annualTurnover(), result.commissions() + result.slippage() + result.borrowCost(), trades,
                trades == 0 ? 0 : (double) won / trades, losses > 0 ? Math.min(999, wins / losses) : wins > 0 ? 999 : 0,
                trades == 0 ? 0 : profit / trades);
    }

    /** Each session's return on the equity before it (the capital before the first). */
    public static double[] returns(double[] equity, double capital) {
        double[] out = new double[equity.length];
        double previous = capital;
        for (int i = 0; i < equity.length; i++) {
            out[i] = equity[i] / previous - 1;
            previous = equity[i];
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return values.length < 2 ? 0 : sum / (values.length - 1);
    }
}
