package io.barlake.analytics.report;

import io.barlake.analytics.backtest.Metrics;
import io.barlake.analytics.sweep.Sweep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A parameter sweep as one self-contained HTML page: with two parameters, a heatmap of the chosen
 * metric (the first parameter down, the second across, the best cell outlined); then every
 * combination's figures, best first.
 */
public final class SweepReport {
    private SweepReport() {}

    public static String html(Sweep.Result result, String title, String metricName, ToDoubleFunction<Metrics> metric) {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(BacktestReport.escape(title))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;color:#1f2328}table{border-collapse:collapse;"
                        + "margin:1em 0}td,th{border:1px solid #d0d7de;padding:3px 6px;text-align:right}th{background:#f6f8fa}"
                        + "td.best{outline:3px solid #1f2328}</style></head><body>\n<h1>").append(BacktestReport.escape(title))
                .append("</h1>\n");
        List<Sweep.Row> rows = result.rows();
        double low = rows.stream().mapToDouble(row -> metric.applyAsDouble(row.metrics())).filter(Double::isFinite).min().orElse(0);
        double high = rows.stream().mapToDouble(row -> metric.applyAsDouble(row.metrics())).filter(Double::isFinite).max().orElse(0);
        Sweep.Row best = rows.stream().max(Comparator.comparingDouble(row -> metric.applyAsDouble(row.metrics()))).orElse(null);
        if (result.parameters().size() == 2) {
            TreeSet<Double> down = new TreeSet<>();
            TreeSet<Double> across = new TreeSet<>();
            rows.forEach(row -> {
                down.add(row.values()[0]);
                across.add(row.values()[1]);
            });
            page.append("<section id=\"heatmap\"><h2>").append(BacktestReport.escape(metricName)).append(" by ")
                    .append(BacktestReport.escape(result.parameters().get(0))).append(" (down) and ")
                    .append(BacktestReport.escape(result.parameters().get(1))).append(" (across)</h2><table><tr><th></th>");
            across.forEach(value -> page.append("<th>").append(Sweep.label(value)).append("</th>"));
            page.append("</tr>");
            for (double first : down) {
                page.append("<tr><th>").append(Sweep.label(first)).append("</th>");
                for (double second : across) {
                    Sweep.Row row = rows.stream().filter(r -> r.values()[0] == first && r.values()[1] == second).findFirst().orElseThrow();
                    double value = metric.applyAsDouble(row.metrics());
                    page.append("<td").append(row == best ? " class=\"best\"" : "").append(" style=\"background:").append(colour(value, low, high))
                            .append("\">").append(String.format(Locale.ROOT, "%.2f", value)).append("</td>");
                }
                page.append("</tr>");
            }
            page.append("</table></section>\n");
        }
        List<Sweep.Row> ranked = new ArrayList<>(rows);
        ranked.sort(Comparator.comparingDouble((Sweep.Row row) -> metric.applyAsDouble(row.metrics())).reversed());
        page.append("<section id=\"rows\"><h2>Every combination, best first</h2><table><tr>");
        result.parameters().forEach(name -> page.append("<th>").append(BacktestReport.escape(name)).append("</th>"));
        page.append("<th>").append(BacktestReport.escape(metricName)).append("</th><th>total return</th><th>Sharpe</th><th>max drawdown</th>"
                + "<th>trades</th></tr>");
        for (Sweep.Row row : ranked) {
            page.append("<tr>");
            for (double value : row.values()) {
                page.append("<td>").append(Sweep.label(value)).append("</td>");
            }
            Metrics m = row.metrics();
            page.append("<td>").append(String.format(Locale.ROOT, "%.4f", metric.applyAsDouble(m))).append("</td><td>")
                    .append(BacktestReport.percent(m.totalReturn())).append("</td><td>").append(String.format(Locale.ROOT, "%.2f", m.sharpe()))
                    .append("</td><td>").append(BacktestReport.percent(m.maxDrawdown())).append("</td><td>").append(m.trades())
                    .append("</td></tr>");
        }
        page.append("</table></section>\n</body></html>\n");
        return page.toString();
    }

    /** Red at the lowest value, white in the middle, green at the highest. */
    static String colour(double value, double low, double high) {
        if (!Double.isFinite(value) || high <= low) {
            return "#ffffff";
        }
        return shade((value - low) / (high - low) * 2 - 1, 160);
    }

    /** Green for {@code t} above 0, red below, deeper to |t| = 1 (by {@code depth} of 255), white at 0. */
    static String shade(double t, int depth) {
        int fade = (int) Math.round(255 - Math.min(1, Math.abs(t)) * depth);
        return t >= 0 ? String.format(Locale.ROOT, "rgb(%d,255,%d)", fade, fade) : String.format(Locale.ROOT, "rgb(255,%d,%d)", fade, fade);
    }
}
