package io.barlake.analytics.backtest;

import java.util.List;

/** The arithmetic behind {@link Metrics}, from an equity curve and a trade list. */
final class MetricsCalculator {
    private MetricsCalculator() {}

    static Metrics compute(BacktestSettings settings, double[] equity, double[] drawdown, List<Trade> trades, int exposedBars) {
        int n = equity.length;
        double initial = settings.initialCapital();
        double last = n == 0 ? initial : equity[n - 1];
        double totalReturn = last / initial - 1;
        double years = n / settings.barsPerYear();
        double cagr = years <= 0 ? 0 : last <= 0 ? -1 : Math.pow(last / initial, 1 / years) - 1;

        double[] returns = new double[n];
        double previous = initial;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            // Flat stretches (no position) are most bars: no division for an unchanged equity.
            returns[i] = equity[i] == previous || previous <= 0 ? 0 : equity[i] / previous - 1;
            previous = equity[i];
            sum += returns[i];
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        double downside = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
            downside += Math.min(r, 0) * Math.min(r, 0);
        }
        double deviation = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        double downsideDeviation = n == 0 ? 0 : Math.sqrt(downside / n);
        double annualise = Math.sqrt(settings.barsPerYear());

        double maxDrawdown = 0;
        int longest = 0;
        int current = 0;
        for (double d : drawdown) {
            maxDrawdown = Math.max(maxDrawdown, d);
            current = d > 0 ? current + 1 : 0;
            longest = Math.max(longest, current);
        }

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
                ratio(mean, downsideDeviation) * annualise, maxDrawdown, longest, ratio(cagr, maxDrawdown),
                trades.isEmpty() ? 0 : (double) wins / trades.size(), profitFactor,
                trades.isEmpty() ? 0 : netProfit / trades.size(), n == 0 ? 0 : (double) exposedBars / n, trades.size());
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : 0;
    }
}
