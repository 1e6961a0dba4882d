package io.barlake.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.portfolio.Benchmark;
import io.barlake.analytics.portfolio.PortfolioBacktester;
import io.barlake.analytics.portfolio.PortfolioMetrics;
import io.barlake.analytics.portfolio.PortfolioResult;
import io.barlake.analytics.portfolio.PortfolioSettings;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioReportTest {
    @Test
    void theTearSheetHasEverySectionIsSelfContainedAndItsTablesAgreeWithTheFigures() {
        List<BarSeries> universe = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            BarSeries b = TestBarsAccess.randomWalk(40 + s, 800);
            universe.add(new BarSeries("S" + s, b.dates(), b.open(), b.high(), b.low(), b.close(), b.volume()));
        }
        PortfolioResult result = PortfolioBacktester.run(universe, PrebuiltStrategies.find("rsi-momentum").orElseThrow(),
                PortfolioSettings.defaults());
        Benchmark benchmark = Benchmark.equalWeight(universe, result.dates(), 100_000);
        PortfolioMetrics metrics = PortfolioMetrics.of(result, benchmark);

        String page = PortfolioReport.html(result, metrics, benchmark, universe.size(), "every setting", "synthetic prices");

        assertThat(page).contains("id=\"data-warning\"", "id=\"settings\"", "every setting", "id=\"metrics\"", "id=\"equity\"",
                "Equity against the benchmark, log scale", "id=\"drawdown\"", "id=\"monthly\"", "id=\"yearly\"", "id=\"rolling\"",
                "id=\"distribution\"", "id=\"worst-drawdowns\"", "id=\"trades\"", "Excess return", "Alpha", "Information ratio");
        assertThat(page).doesNotContain("src=\"http", "href=\"http", "<script");
        assertThat(page.split("data:image/png;base64,", -1)).hasSize(1 + 6); // equity twice, underwater, two rolling, distribution
        // The monthly returns compound to the total return; the deepest drawdown is the metric's.
        Map<YearMonth, Double> months = PortfolioReport.monthlyReturns(result.dates(), result.equity(), 100_000);
        double compounded = months.values().stream().mapToDouble(r -> 1 + r).reduce(1, (a, b) -> a * b) - 1;
        assertThat(compounded).isCloseTo(metrics.totalReturn(), within(1e-9));
        List<PortfolioReport.Drawdown> drawdowns = PortfolioReport.drawdowns(result.dates(), result.equity(), 100_000);
        assertThat(-drawdowns.get(0).depth()).isCloseTo(metrics.maxDrawdown(), within(1e-12));
        assertThat(drawdowns).isSortedAccordingTo(java.util.Comparator.comparingDouble(PortfolioReport.Drawdown::depth));
    }
}
