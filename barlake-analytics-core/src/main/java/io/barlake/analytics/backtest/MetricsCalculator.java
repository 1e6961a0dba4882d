package io.barlake.analytics.backtest;

import java.util.List;

/** The arithmetic behind {@link Metrics}, from an equity curve and a trade list. */
final class MetricsCalculator {
    private MetricsCalculator() {}

    static Metrics compute(BacktestSettings settings, EquityCurve curve, List<Trade> trades, int exposedBars) {
        int n = curve.bars();
        double initial = settings.initialCapital();
        double last = curve.last(initial);
        double totalReturn = last / initial - 1;
        double years = n / settings.barsPerYear();
        double cagr = years <= 0 ? 0 : last <= 0 ? -1 : Math.pow(last / initial, 1 / years) - 1;
        double mean = curve.meanReturn();
        double deviation = curve.returnDeviation();
        double annualise = Math.sqrt(settings.barsPerYear());
        double maxDrawdown = curve.maxDrawdown();

        double grossProfit = 0;
        double grossLoss = 0;
        int wins = 0;
        double netProfit = 0;
        for (Trade trade : trades) {
            netProfit += trade.profit();
            if (trade.profit() > 0) {
                wins++;
                grossProfit += trade.profit();
            } else {
                grossLoss -= trade.profit();
            }
        }
        double profitFactor = grossLoss > 0 ? grossProfit / grossLoss : grossProfit > 0 ? Metrics.PROFIT_FACTOR_CAP : 0;
        return new Metrics(totalReturn, cagr, deviation * annualise, ratio(mean, deviation) * annualise,
                ratio(mean, curve.downsideDeviation()) * annualise, maxDrawdown, curve.longestDrawdownBars(), ratio(cagr, maxDrawdown),
                trades.isEmpty() ? 0 : (double) wins / trades.size(), profitFactor,
                trades.isEmpty() ? 0 : netProfit / trades.size(), n == 0 ? 0 : (double) exposedBars / n, trades.size());
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : 0;
    }
}
