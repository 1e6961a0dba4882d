package io.barlake.analytics.report;

import io.barlake.analytics.portfolio.Benchmark;
import io.barlake.analytics.portfolio.PortfolioMetrics;
import io.barlake.analytics.portfolio.PortfolioResult;
import io.barlake.analytics.portfolio.PortfolioTrade;
import java.awt.Color;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;

/**
 * A portfolio backtest as one self-contained HTML page, in the spirit of a QuantStats tear sheet:
 * every setting, the figures against the benchmark, equity against the benchmark (linear and log
 * scale), the underwater drawdown, monthly returns as a heatmap, yearly returns, rolling
 * volatility and Sharpe over 63 sessions, the distribution of daily returns, the five worst
 * drawdowns, and every trade with the rules behind it. Charts are PNGs drawn by XChart and
 * embedded; the page loads nothing from anywhere.
 */
public final class PortfolioReport {
    /** Sessions in the rolling windows: a quarter. */
    static final int ROLLING = 63;
    private static final Color PORTFOLIO = new Color(0x0969da);
    private static final Color BENCHMARK = new Color(0x8c959f);

    private PortfolioReport() {}

    /** One drawdown: from its peak through its trough to its recovery (null while not recovered). */
    public record Drawdown(LocalDate peak, LocalDate trough, LocalDate recovery, double depth, int sessions) {}

    /**
     * @param settings    the run's settings in words, echoed whole
     * @param dataWarning a banner above everything (synthetic prices), or null
     */
    public static String html(PortfolioResult result, PortfolioMetrics m, Benchmark benchmark, int symbols, String settings,
            String dataWarning) {
        StringBuilder page = new StringBuilder(256 * 1024);
        LocalDate[] dates = result.dates();
        String title = result.strategy() + " on " + symbols + " symbols, " + dates[0] + " to " + dates[dates.length - 1];
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(BacktestReport.escape(title))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1040px;color:#1f2328}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #d0d7de;padding:4px 8px;"
                        + "text-align:right}th{background:#f6f8fa}td.l,th.l{text-align:left}img{max-width:100%}"
                        + ".warning{background:#ffe08a;padding:.6em 1em;font-weight:600}</style></head><body>\n");
        if (dataWarning != null) {
            page.append("<p class=\"warning\" id=\"data-warning\">").append(BacktestReport.escape(dataWarning)).append("</p>\n");
        }
        page.append("<h1>").append(BacktestReport.escape(title)).append("</h1>\n");
        page.append("<section id=\"settings\"><h2>Settings</h2><p>").append(BacktestReport.escape(settings)).append("</p></section>\n");
        metrics(page, m);
        double[] benchmarkLine = benchmark.equity();
        XYChart equity = BacktestReport.chart("Equity");
        equity.getStyler().setLegendVisible(true);
        BacktestReport.line(equity, "portfolio", BacktestReport.dates(dates), BacktestReport.values(result.equity(), 1), PORTFOLIO);
        BacktestReport.line(equity, benchmark.name(), BacktestReport.dates(dates), BacktestReport.values(benchmarkLine, 1), BENCHMARK);
        XYChart log = BacktestReport.chart("Equity, log scale");
        log.getStyler().setYAxisLogarithmic(true);
        log.getStyler().setLegendVisible(true);
        BacktestReport.line(log, "portfolio", BacktestReport.dates(dates), BacktestReport.values(result.equity(), 1), PORTFOLIO);
        BacktestReport.line(log, benchmark.name(), BacktestReport.dates(dates), BacktestReport.values(benchmarkLine, 1), BENCHMARK);
        page.append("<section id=\"equity\"><h2>Equity against ").append(BacktestReport.escape(benchmark.name())).append("</h2>\n")
                .append(BacktestReport.image(equity, "Equity against the benchmark"))
                .append(BacktestReport.image(log, "Equity against the benchmark, log scale")).append("</section>\n");
        double[] underwater = underwater(result.equity(), result.settings().initialCapital());
        XYChart drawdown = BacktestReport.chart("Drawdown %");
        BacktestReport.line(drawdown, "drawdown", BacktestReport.dates(dates), BacktestReport.values(underwater, 100), new Color(0xcf222e));
        page.append("<section id=\"drawdown\"><h2>Underwater</h2>\n").append(BacktestReport.image(drawdown, "Drawdown")).append("</section>\n");
        monthly(page, dates, result.equity(), result.settings().initialCapital());
        yearly(page, dates, result.equity(), benchmarkLine, result.settings().initialCapital());
        rolling(page, dates, result.equity(), result.settings().initialCapital(), result.settings().barsPerYear());
        distribution(page, PortfolioMetrics.returns(result.equity(), result.settings().initialCapital()));
        worst(page, drawdowns(dates, result.equity(), result.settings().initialCapital()));
        trades(page, result.trades());
        page.append("</body></html>\n");
        return page.toString();
    }

    private static void metrics(StringBuilder page, PortfolioMetrics m) {
        page.append("<section id=\"metrics\"><h2>Figures</h2><table>");
        BacktestReport.row(page, "Total return", BacktestReport.percent(m.totalReturn()));
        BacktestReport.row(page, "Benchmark (" + m.benchmark() + ")", BacktestReport.percent(m.benchmarkReturn()));
        BacktestReport.row(page, "Excess return", BacktestReport.percent(m.excessReturn()));
        BacktestReport.row(page, "CAGR", BacktestReport.percent(m.cagr()));
        BacktestReport.row(page, "Volatility", BacktestReport.percent(m.volatility()));
        BacktestReport.row(page, "Sharpe", String.format(Locale.ROOT, "%.2f", m.sharpe()));
        BacktestReport.row(page, "Sortino", String.format(Locale.ROOT, "%.2f", m.sortino()));
        BacktestReport.row(page, "Calmar", String.format(Locale.ROOT, "%.2f", m.calmar()));
        BacktestReport.row(page, "Max drawdown", BacktestReport.percent(m.maxDrawdown()) + " (" + m.maxDrawdownSessions() + " sessions)");
        BacktestReport.row(page, "Alpha", BacktestReport.percent(m.alpha()));
        BacktestReport.row(page, "Beta", String.format(Locale.ROOT, "%.2f", m.beta()));
        BacktestReport.row(page, "Information ratio", String.format(Locale.ROOT, "%.2f", m.informationRatio()));
        BacktestReport.row(page, "Tracking error", BacktestReport.percent(m.trackingError()));
        BacktestReport.row(page, "Exposure", BacktestReport.percent(m.exposure()));
        BacktestReport.row(page, "Turnover a year", String.format(Locale.ROOT, "%.2f", m.annualTurnover()));
        BacktestReport.row(page, "Fees, slippage and borrow", BacktestReport.number(m.fees()));
        BacktestReport.row(page, "Trades", Integer.toString(m.trades()));
        BacktestReport.row(page, "Win rate", BacktestReport.percent(m.winRate()));
        BacktestReport.row(page, "Profit factor", m.profitFactor() >= 999 ? "no loss" : String.format(Locale.ROOT, "%.2f", m.profitFactor()));
        BacktestReport.row(page, "Expectancy", BacktestReport.number(m.expectancy()));
        page.append("</table></section>\n");
    }

    /** Each session's equity below its running peak, as a fraction (0 at a peak, negative under it). */
    static double[] underwater(double[] equity, double capital) {
        double[] out = new double[equity.length];
        double peak = capital;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            out[i] = equity[i] / peak - 1;
        }
        return out;
    }

    /** Month by month: the last equity of each month over the last of the month before (the capital for the first). */
    static Map<YearMonth, Double> monthlyReturns(LocalDate[] dates, double[] equity, double capital) {
        Map<YearMonth, Double> lastOfMonth = new TreeMap<>();
        for (int i = 0; i < dates.length; i++) {
            lastOfMonth.put(YearMonth.from(dates[i]), equity[i]);
        }
        Map<YearMonth, Double> out = new TreeMap<>();
        double previous = capital;
        for (Map.Entry<YearMonth, Double> month : lastOfMonth.entrySet()) {
            out.put(month.getKey(), month.getValue() / previous - 1);
            previous = month.getValue();
        }
        return out;
    }

    private static void monthly(StringBuilder page, LocalDate[] dates, double[] equity, double capital) {
        Map<YearMonth, Double> months = monthlyReturns(dates, equity, capital);
        page.append("<section id=\"monthly\"><h2>Monthly returns</h2><table><tr><th class=\"l\">year</th>");
        for (int m = 1; m <= 12; m++) {
            page.append("<th>").append(java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT)).append("</th>");
        }
        page.append("</tr>");
        for (int year = dates[0].getYear(); year <= dates[dates.length - 1].getYear(); year++) {
            page.append("<tr><th class=\"l\">").append(year).append("</th>");
            for (int m = 1; m <= 12; m++) {
                Double value = months.get(YearMonth.of(year, m));
                page.append(value == null ? "<td></td>" : "<td style=\"background:" + heat(value) + "\">"
                        + String.format(Locale.ROOT, "%.1f%%", value * 100) + "</td>");
            }
            page.append("</tr>");
        }
        page.append("</table></section>\n");
    }

    /** Green for gains, red for losses, deeper to ±10 %. */
    private static String heat(double value) {
        return SweepReport.shade(value / 0.10, 150);
    }

    private static void yearly(StringBuilder page, LocalDate[] dates, double[] equity, double[] benchmark, double capital) {
        Map<Integer, double[]> years = new TreeMap<>();
        for (int i = 0; i < dates.length; i++) {
            years.put(dates[i].getYear(), new double[] {equity[i], benchmark[i]});
        }
        page.append("<section id=\"yearly\"><h2>Yearly returns</h2><table><tr><th class=\"l\">year</th><th>portfolio</th>"
                + "<th>benchmark</th></tr>");
        double[] previous = {capital, capital};
        for (Map.Entry<Integer, double[]> year : years.entrySet()) {
            page.append("<tr><th class=\"l\">").append(year.getKey()).append("</th><td>")
                    .append(BacktestReport.percent(year.getValue()[0] / previous[0] - 1)).append("</td><td>")
                    .append(BacktestReport.percent(year.getValue()[1] / previous[1] - 1)).append("</td></tr>");
            previous = year.getValue();
        }
        page.append("</table></section>\n");
    }

    private static void rolling(StringBuilder page, LocalDate[] dates, double[] equity, double capital, double perYear) {
        double[] r = PortfolioMetrics.returns(equity, capital);
        List<LocalDate> at = new ArrayList<>();
        List<Double> volatility = new ArrayList<>();
        List<Double> sharpe = new ArrayList<>();
        for (int i = ROLLING - 1; i < r.length; i++) {
            double mean = 0;
            for (int j = i - ROLLING + 1; j <= i; j++) {
                mean += r[j] / ROLLING;
            }
            double variance = 0;
            for (int j = i - ROLLING + 1; j <= i; j++) {
                variance += (r[j] - mean) * (r[j] - mean) / (ROLLING - 1);
            }
            double deviation = Math.sqrt(variance);
            at.add(dates[i]);
            volatility.add(deviation * Math.sqrt(perYear) * 100);
            sharpe.add(deviation > 0 ? mean / deviation * Math.sqrt(perYear) : 0);
        }
        page.append("<section id=\"rolling\"><h2>Rolling volatility and Sharpe (").append(ROLLING).append(" sessions)</h2>\n");
        if (!at.isEmpty()) {
            XYChart vol = BacktestReport.chart("Volatility %");
            BacktestReport.line(vol, "volatility", BacktestReport.dates(at.toArray(LocalDate[]::new)), volatility, PORTFOLIO);
            XYChart ratio = BacktestReport.chart("Sharpe");
            BacktestReport.line(ratio, "Sharpe", BacktestReport.dates(at.toArray(LocalDate[]::new)), sharpe, PORTFOLIO);
            page.append(BacktestReport.image(vol, "Rolling volatility")).append(BacktestReport.image(ratio, "Rolling Sharpe"));
        } else {
            page.append("<p>Fewer sessions than one window.</p>");
        }
        page.append("</section>\n");
    }

    private static void distribution(StringBuilder page, double[] returns) {
        double low = Arrays.stream(returns).min().orElse(0);
        double high = Arrays.stream(returns).max().orElse(0);
        int bins = 41;
        double width = high > low ? (high - low) / bins : 1;
        int[] counts = new int[bins];
        for (double r : returns) {
            counts[Math.min(bins - 1, (int) ((r - low) / width))]++;
        }
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(Locale.ROOT, "%.2f", (low + (b + 0.5) * width) * 100));
            values.add(counts[b]);
        }
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(320).xAxisTitle("daily return %").yAxisTitle("sessions").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.addSeries("returns", labels, values).setFillColor(PORTFOLIO);
        page.append("<section id=\"distribution\"><h2>Daily returns</h2>\n").append(BacktestReport.image(chart, "Distribution of daily returns"))
                .append("</section>\n");
    }

    /** Every drawdown from a peak, deepest first. */
    static List<Drawdown> drawdowns(LocalDate[] dates, double[] equity, double capital) {
        List<Drawdown> out = new ArrayList<>();
        double peak = capital;
        int peakAt = -1;
        int troughAt = -1;
        for (int i = 0; i <= equity.length; i++) {
            boolean recovered = i < equity.length && equity[i] >= peak;
            if ((recovered || i == equity.length) && troughAt >= 0) {
                LocalDate start = peakAt < 0 ? dates[0] : dates[peakAt];
                out.add(new Drawdown(start, dates[troughAt], i < equity.length ? dates[i] : null, equity[troughAt] / peak - 1,
                        (i < equity.length ? i : equity.length - 1) - Math.max(peakAt, 0)));
                troughAt = -1;
            }
            if (i == equity.length) {
                break;
            }
            if (equity[i] >= peak) {
                peak = equity[i];
                peakAt = i;
            } else if (troughAt < 0 || equity[i] < equity[troughAt]) {
                troughAt = i;
            }
        }
        out.sort(java.util.Comparator.comparingDouble(Drawdown::depth));
        return out;
    }

    private static void worst(StringBuilder page, List<Drawdown> drawdowns) {
        page.append("<section id=\"worst-drawdowns\"><h2>Worst drawdowns</h2><table><tr><th class=\"l\">peak</th><th class=\"l\">trough</th>"
                + "<th class=\"l\">recovered</th><th>depth</th><th>sessions</th></tr>");
        for (Drawdown d : drawdowns.subList(0, Math.min(5, drawdowns.size()))) {
            page.append("<tr><td class=\"l\">").append(d.peak()).append("</td><td class=\"l\">").append(d.trough())
                    .append("</td><td class=\"l\">").append(d.recovery() == null ? "not yet" : d.recovery().toString()).append("</td><td>")
                    .append(BacktestReport.percent(d.depth())).append("</td><td>").append(d.sessions()).append("</td></tr>");
        }
        page.append("</table></section>\n");
    }

    private static void trades(StringBuilder page, List<PortfolioTrade> trades) {
        page.append("<section id=\"trades\"><h2>Trades (").append(trades.size()).append(")</h2><table><tr><th class=\"l\">symbol</th>"
                + "<th class=\"l\">side</th><th class=\"l\">in</th><th>price</th><th class=\"l\">out</th><th>price</th><th>return</th>"
                + "<th class=\"l\">why in</th><th class=\"l\">why out</th></tr>");
        for (PortfolioTrade t : trades) {
            page.append("<tr><td class=\"l\">").append(BacktestReport.escape(t.symbol())).append("</td><td class=\"l\">")
                    .append(t.side().name().toLowerCase(Locale.ROOT)).append("</td><td class=\"l\">").append(t.entryDate())
                    .append("</td><td>").append(BacktestReport.number(t.entryPrice())).append("</td><td class=\"l\">").append(t.exitDate())
                    .append("</td><td>").append(BacktestReport.number(t.exitPrice())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2f%%", t.returnPercent())).append("</td><td class=\"l\">")
                    .append(BacktestReport.escape(t.entry().rule())).append("</td><td class=\"l\">")
                    .append(BacktestReport.escape(t.exitReason().name().toLowerCase(Locale.ROOT) + ": " + t.exit().rule()))
                    .append("</td></tr>");
        }
        page.append("</table></section>\n");
    }
}
