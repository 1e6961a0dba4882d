package io.barlake.benchmarks;

import io.barlake.analytics.portfolio.Costs;
import io.barlake.analytics.portfolio.PortfolioBacktester;
import io.barlake.analytics.portfolio.PortfolioResult;
import io.barlake.analytics.portfolio.PortfolioSettings;
import io.barlake.analytics.portfolio.Sizing;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A portfolio backtest over a universe of seeded walks, N symbols × 1,260 sessions, 20 positions
 * of equal weight with costs, one thread, a warm-up run then three timed ones per strategy:
 * {@code java -Xmx6g -cp barlake-benchmarks/target/benchmarks.jar io.barlake.benchmarks.PortfolioBenchmark 12000}.
 */
public final class PortfolioBenchmark {
    private static final int SESSIONS = 1_260;

    private PortfolioBenchmark() {}

    public static void main(String[] args) {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        List<BarSeries> universe = new ArrayList<>(symbols);
        for (int s = 0; s < symbols; s++) {
            BarSeries walk = WalkBars.generate(new Random(s), SESSIONS).toSeries(SESSIONS);
            universe.add(new BarSeries(String.format(Locale.ROOT, "W%05d", s), walk.dates(), walk.open(), walk.high(), walk.low(),
                    walk.close(), walk.volume()));
        }
        PortfolioSettings settings = new PortfolioSettings(1_000_000, 20, new Sizing.EqualWeight(),
                new Costs(0, 0.005, 0, 1, 5, 0), 252);
        for (String name : List.of("golden-cross", "rsi-momentum", "bollinger-breakout")) {
            time(universe, PrebuiltStrategies.find(name).orElseThrow(), settings, name);
        }
        PortfolioSettings longShort = new PortfolioSettings(1_000_000, 20, new Sizing.EqualWeight(),
                new Costs(0, 0.005, 0, 1, 5, 0, 300), 252, PortfolioSettings.Direction.LONG_SHORT);
        time(universe, PrebuiltStrategies.find("rsi-momentum").orElseThrow(), longShort, "rsi-momentum long/short");
    }

    private static void time(List<BarSeries> universe, Strategy strategy, PortfolioSettings settings, String label) {
        PortfolioBacktester.run(universe, strategy, settings); // warm-up
        long best = Long.MAX_VALUE;
        PortfolioResult result = null;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            result = PortfolioBacktester.run(universe, strategy, settings);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "%s over %d symbols x %d sessions: %.2f s (best of 3), %d trades, final equity %.0f%n", label,
                universe.size(), SESSIONS, best / 1e9, result.trades().size(), result.finalEquity());
    }
}
