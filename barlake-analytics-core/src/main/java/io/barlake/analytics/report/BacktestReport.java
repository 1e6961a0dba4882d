package io.barlake.analytics.report;

import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.Metrics;
import io.barlake.analytics.backtest.Trade;
import io.barlake.analytics.series.BarSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A backtest as one self-contained HTML page: the settings and metrics, the equity curve, the
 * drawdown, the price with every entry and exit marked, and the trade list with the rule behind
 * each fill. Charts are drawn headless with XChart and embedded as PNG data URIs, so the file can
 * be mailed or opened offline.
 */
public final class BacktestReport {
    private static final int WIDTH = 1000;
    private static final Color ENTRY = new Color(0x1a7f37);
    private static final Color EXIT = new Color(0xcf222e);

    static {
        System.setProperty("java.awt.headless", "true"); // charts are drawn off-screen, on servers without a display
    }

    private BacktestReport() {}

    /** The page for {@code result}, run on {@code bars} (the same series) in {@code timeframe}. */
    public static String html(BacktestResult result, BarSeries bars, String timeframe, String settings) {
        return html(result, bars, timeframe, settings, null);
    }

    /**
     * The same, with {@code dataWarning} (when not null) as a banner above everything else: the
     * lake's prices are generated, say, and must not be read as a real market's.
     */
    public static String html(BacktestResult result, BarSeries bars, String timeframe, String settings, String dataWarning) {
        Metrics m = result.metrics();
        StringBuilder page = new StringBuilder(64 * 1024);
        String title = result.strategy() + " on " + result.symbol() + " (" + timeframe + ")";
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1040px;color:#1f2328}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #d0d7de;padding:4px 8px;"
                        + "text-align:right}th{background:#f6f8fa}td.l,th.l{text-align:left}img{max-width:100%}"
                        + ".pos{color:#1a7f37}.neg{color:#cf222e}.warning{background:#ffe08a;padding:.6em 1em;"
                        + "font-weight:600}</style></head><body>\n");
        if (dataWarning != null) {
            page.append("<p class=\"warning\" role=\"alert\">").append(escape(dataWarning)).append("</p>\n");
        }
        page.append("<h1>").append(escape(title)).append("</h1>\n<p>");
        if (bars.size() > 0) {
            page.append(bars.dates()[0]).append(" to ").append(bars.dates()[bars.size() - 1]).append(", ")
                    .append(bars.size()).append(" bars. ");
        }
        page.append(escape(settings)).append("</p>\n");

        page.append("<h2>Metrics</h2>\n<table>");
        row(page, "Total return", percent(m.totalReturn()));
        double hold = buyAndHoldReturn(bars);
        row(page, "Buy and hold " + result.symbol(), percent(hold));
        row(page, "Excess over buy and hold", percent(m.totalReturn() - hold));
        row(page, "CAGR", percent(m.cagr()));
        row(page, "Annualised volatility", percent(m.annualVolatility()));
        row(page, "Sharpe", number(m.sharpe()));
        row(page, "Sortino", number(m.sortino()));
        row(page, "Max drawdown", percent(m.maxDrawdown()) + " (" + m.maxDrawdownBars() + " bars below a peak)");
        row(page, "Calmar", number(m.calmar()));
        row(page, "Trades", Integer.toString(m.trades()));
        row(page, "Win rate", percent(m.winRate()));
        row(page, "Profit factor", m.profitFactor() == Metrics.PROFIT_FACTOR_CAP ? "no losing trade" : number(m.profitFactor()));
        row(page, "Expectancy per trade", number(m.expectancy()));
        row(page, "Exposure", percent(m.exposure()));
        page.append("</table>\n");

        page.append("<h2>Equity against buy and hold</h2>\n").append(image(equityChart(result, bars), "Equity curve against buy and hold"));
        page.append("<h2>Drawdown</h2>\n").append(image(drawdownChart(result), "Drawdown from the running peak"));
        page.append("<h2>Price and trades</h2>\n").append(image(priceChart(result, bars), "Close with entries and exits"));

        page.append("<h2>Trades</h2>\n<table><tr><th>#</th><th>entry</th><th>price</th><th>exit</th><th>price</th>"
                + "<th>bars</th><th>return</th><th>profit</th><th class=\"l\">why in</th><th class=\"l\">why out</th></tr>\n");
        int number = 1;
        for (Trade trade : result.trades()) {
            String css = trade.profit() >= 0 ? "pos" : "neg";
            page.append("<tr><td>").append(number++).append("</td><td>").append(trade.entryDate()).append("</td><td>")
                    .append(number(trade.entryPrice())).append("</td><td>").append(trade.exitDate()).append("</td><td>")
                    .append(number(trade.exitPrice())).append("</td><td>").append(trade.barsHeld())
                    .append("</td><td class=\"").append(css).append("\">").append(number(trade.returnPercent())).append("%</td><td class=\"")
                    .append(css).append("\">").append(number(trade.profit())).append("</td><td class=\"l\">")
                    .append(escape(trade.entry().rule())).append("</td><td class=\"l\">")
                    .append(escape(trade.exitReason().name().toLowerCase(Locale.ROOT) + ": " + trade.exit().rule()))
                    .append("</td></tr>\n");
        }
        page.append("</table>\n</body></html>\n");
        return page.toString();
    }

    /**
     * The symbol bought at its first bar's close and held to its last: what the strategy is measured
     * against (its own bars, so the comparison is exact whatever the adjustment).
     */
    public static double buyAndHoldReturn(BarSeries bars) {
        return bars.size() == 0 ? 0 : bars.close()[bars.size() - 1] / bars.close()[0] - 1;
    }

    private static XYChart equityChart(BacktestResult result, BarSeries bars) {
        XYChart chart = chart("Equity");
        chart.getStyler().setLegendVisible(true);
        line(chart, "strategy", dates(result.dates()), values(result.equity(), 1), new Color(0x0969da));
        if (bars.size() > 0) {
            double[] hold = new double[bars.size()];
            for (int i = 0; i < hold.length; i++) {
                hold[i] = result.initialCapital() * bars.close()[i] / bars.close()[0];
            }
            line(chart, "buy and hold " + result.symbol(), dates(bars.dates()), values(hold, 1), new Color(0x8c959f));
        }
        return chart;
    }

    private static XYChart drawdownChart(BacktestResult result) {
        XYChart chart = chart("Drawdown %");
        line(chart, "drawdown", dates(result.dates()), values(result.drawdown(), -100), EXIT);
        return chart;
    }

    private static XYChart priceChart(BacktestResult result, BarSeries bars) {
        XYChart chart = chart("Close");
        line(chart, "close", dates(bars.dates()), values(bars.close(), 1), Color.DARK_GRAY);
        List<Date> entryDates = new ArrayList<>();
        List<Double> entryPrices = new ArrayList<>();
        List<Date> exitDates = new ArrayList<>();
        List<Double> exitPrices = new ArrayList<>();
        for (Trade trade : result.trades()) {
            entryDates.add(date(trade.entryDate()));
            entryPrices.add(trade.entryPrice());
            exitDates.add(date(trade.exitDate()));
            exitPrices.add(trade.exitPrice());
        }
        if (!entryDates.isEmpty()) {
            markers(chart, "entries", entryDates, entryPrices, ENTRY);
            markers(chart, "exits", exitDates, exitPrices, EXIT);
        }
        return chart;
    }

    static XYChart chart(String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(320).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xeaeef2));
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    static void line(XYChart chart, String name, List<Date> x, List<Double> y, Color color) {
        if (x.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(1.4f));
    }

    private static void markers(XYChart chart, String name, List<Date> x, List<Double> y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
    }

    static String image(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, String alt) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                    + "\">\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Date> dates(LocalDate[] days) {
        List<Date> out = new ArrayList<>(days.length);
        for (LocalDate day : days) {
            out.add(date(day));
        }
        return out;
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    static List<Double> values(double[] values, double scale) {
        List<Double> out = new ArrayList<>(values.length);
        for (double value : values) {
            out.add(value * scale);
        }
        return out;
    }

    static void row(StringBuilder page, String name, String value) {
        page.append("<tr><th class=\"l\">").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
