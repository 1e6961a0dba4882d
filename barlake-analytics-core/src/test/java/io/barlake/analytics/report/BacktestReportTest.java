package io.barlake.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BacktestReportTest {
    @Test
    void theReportHoldsMetricsThreeRealChartsAndEveryTradeWithItsReasons() throws Exception {
        BarSeries bars = TestBarsAccess.randomWalk(9, 1_500);
        BacktestResult result = Backtester.run(bars, PrebuiltStrategies.find("macd-crossover").orElseThrow(),
                BacktestSettings.defaults());

        String html = BacktestReport.html(result, bars, "1d", "Capital 100,000, no costs.");

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>macd-crossover on RND9 (1d)</h1>")
                .contains("Max drawdown").contains("Sharpe").contains("MACD(12,26,9).line crosses above MACD(12,26,9).signal");
        // Measured against holding the symbol: its return over the same bars, and the excess over it.
        double hold = bars.close()[bars.size() - 1] / bars.close()[0] - 1;
        assertThat(html).contains("Buy and hold RND9</th><td>" + String.format(java.util.Locale.ROOT, "%.2f%%", hold * 100))
                .contains("Excess over buy and hold</th><td>" + String.format(java.util.Locale.ROOT, "%.2f%%",
                        (result.metrics().totalReturn() - hold) * 100))
                .contains("Equity curve against buy and hold");
        Matcher images = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int charts = 0;
        while (images.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(320);
            assertThat(distinctColours(image)).as("a drawn chart, not a blank image").isGreaterThan(5);
            charts++;
        }
        assertThat(charts).isEqualTo(3);
        assertThat(html.split("<tr><td>", -1)).hasSize(result.trades().size() + 1);
    }

    @Test
    void textFromStrategiesIsEscaped() {
        assertThat(BacktestReport.escape("close < 5 & \"x\"")).isEqualTo("close &lt; 5 &amp; &quot;x&quot;");
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
