package io.barlake.signals.market;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.parquet.MarketColumns.Figure;
import io.barlake.lake.parquet.MarketColumns.Flag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One session's market report, {@code gold/reports/date=D/market.html}: a self-contained page
 * (no script, no external asset) with the narrative, breadth, the distribution of the day's
 * changes, the movers and the anomalies, from the session's summary and rows. Charts are inline
 * SVG written here rather than drawn by a charting library: a backfill writes one page per
 * session (thousands), each must cost milliseconds and be the same bytes for the same data, which
 * font-rasterised images are not.
 */
public final class MarketReport {
    /** Anomalous symbols listed per kind, largest first. */
    static final int ANOMALIES_LISTED = 15;
    private static final String UP = "#1a7f37";
    private static final String DOWN = "#cf222e";
    private static final String FLAT = "#8c959f";

    private MarketReport() {}

    public static String html(LocalDate session, JsonNode summary, MarketColumns rows) {
        StringBuilder page = new StringBuilder(32 * 1024);
        String title = "Market on " + session;
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#1f2328;"
                        + "padding:0 1em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #d0d7de;"
                        + "padding:3px 8px;text-align:right}th{background:#f6f8fa}td.l,th.l{text-align:left}.pos{color:" + UP
                        + "}.neg{color:" + DOWN + "}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));"
                        + "gap:1em}svg text{font:11px system-ui,sans-serif;fill:#57606a}.narrative{font-size:1.1em;"
                        + "line-height:1.5}</style></head><body>\n");
        page.append("<h1>").append(title).append("</h1>\n<p class=\"narrative\" id=\"narrative\">")
                .append(escape(summary.path("narrative").asText())).append("</p>\n");

        JsonNode breadth = summary.path("breadth");
        page.append("<section id=\"breadth\"><h2>Breadth</h2>\n<table><tr><th class=\"l\">symbols</th><th>advancers</th>"
                + "<th>decliners</th><th>unchanged</th><th>new highs</th><th>new lows</th><th>above SMA 50</th>"
                + "<th>above SMA 200</th><th>median change</th><th>mood</th><th>turbulence</th></tr>\n<tr><td class=\"l\">")
                .append(summary.path("symbols").asInt()).append("</td><td>").append(breadth.path("advancers").asInt())
                .append("</td><td>").append(breadth.path("decliners").asInt()).append("</td><td>")
                .append(breadth.path("unchanged").asInt()).append("</td><td>").append(breadth.path("new_highs").asInt())
                .append("</td><td>").append(breadth.path("new_lows").asInt()).append("</td><td>")
                .append(percent(breadth.path("pct_above_sma_50"))).append("</td><td>").append(percent(breadth.path("pct_above_sma_200")))
                .append("</td><td>").append(signedPercent(breadth.path("median_change_pct"))).append("</td><td>")
                .append(escape(summary.path("mood").path("label").asText())).append("</td><td>")
                .append(number(summary.path("turbulence"))).append("</td></tr></table>\n");
        page.append("<div class=\"grid\">\n");
        page.append(bars("Advancers and decliners", List.of("up", "down", "unchanged", "new highs", "new lows"),
                new double[] {breadth.path("advancers").asInt(), breadth.path("decliners").asInt(), breadth.path("unchanged").asInt(),
                        breadth.path("new_highs").asInt(), breadth.path("new_lows").asInt()},
                List.of(UP, DOWN, FLAT, UP, DOWN), "breadth-chart"));
        page.append(histogram(rows));
        page.append("</div></section>\n");

        JsonNode movers = summary.path("movers");
        page.append(String.format(Locale.ROOT, "<section id=\"movers\"><h2>Movers</h2>\n<p>Among symbols closing at $%.2f or more "
                + "with a 20-session average volume of %,d or more.</p>\n<div class=\"grid\">\n", movers.path("min_close").asDouble(),
                movers.path("min_avg_volume_20").asLong()));
        page.append(moverTable("Top gainers", movers.path("gainers")));
        page.append(moverTable("Top losers", movers.path("losers")));
        page.append(moverTable("Most active", movers.path("most_active")));
        page.append("</div></section>\n");

        JsonNode anomalies = summary.path("anomalies");
        page.append("<section id=\"anomalies\"><h2>Anomalies</h2>\n<p>").append(anomalies.path("volume_spikes").asInt())
                .append(" volume spikes (volume over 1.5 × its 20-session average), ").append(anomalies.path("big_moves").asInt())
                .append(" moves over 5 %, ").append(anomalies.path("gaps").asInt()).append(" gaps over 5 %.</p>\n<div class=\"grid\">\n");
        page.append(anomalyTable("Volume spikes", rows, Figure.VOLUME_RATIO, i -> rows.flag(Flag.VOLUME_SPIKE, i), "×"));
        page.append(anomalyTable("Big moves", rows, Figure.CHANGE_PCT, i -> rows.flag(Flag.BIG_MOVE, i), "%"));
        page.append(anomalyTable("Gaps", rows, Figure.GAP_PCT, i -> MarketSummary.isGap(rows, i), "%"));
        page.append("</div></section>\n<p><small>Computed from silver daily by Barlake; formulas in docs/market.md.</small></p>\n"
                + "</body></html>\n");
        return page.toString();
    }

    /** The day's changes in 1-point bins from −10 % to +10 %, the tails gathered in the end bins. */
    private static String histogram(MarketColumns rows) {
        double[] counts = new double[21];
        List<String> labels = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int b = 0; b < counts.length; b++) {
            int low = b - 10;
            labels.add(b == 0 ? "≤-10" : b == 20 ? "≥10" : Integer.toString(low));
            colors.add(low < 0 ? DOWN : low > 0 ? UP : FLAT);
        }
        for (int i = 0; i < rows.size(); i++) {
            double change = rows.figure(Figure.CHANGE_PCT, i);
            if (!Double.isNaN(change)) {
                counts[(int) Math.max(0, Math.min(20, Math.floor(change + 0.5) + 10))]++;
            }
        }
        return bars("Distribution of changes (%)", labels, counts, colors, "change-histogram");
    }

    /** A vertical bar chart with a count over each bar. */
    private static String bars(String title, List<String> labels, double[] values, List<String> colors, String id) {
        int width = 460;
        int height = 200;
        int top = 20;
        int bottom = 30;
        double max = 1;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double slot = (double) width / values.length;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure><figcaption>").append(escape(title)).append("</figcaption><svg id=\"").append(id)
                .append("\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\"><title>").append(escape(title)).append("</title>\n");
        for (int i = 0; i < values.length; i++) {
            double h = (height - top - bottom) * values[i] / max;
            double x = i * slot + slot * 0.1;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    x, height - bottom - h, slot * 0.8, h, colors.get(i)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>", x + slot * 0.4,
                    height - bottom - h - 4, (long) values[i]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + slot * 0.4,
                    height - bottom + 14, escape(labels.get(i))));
        }
        return svg.append("</svg></figure>\n").toString();
    }

    private static String moverTable(String title, JsonNode movers) {
        StringBuilder table = new StringBuilder("<table><tr><th class=\"l\" colspan=\"3\">").append(title)
                .append("</th></tr>\n<tr><th class=\"l\">symbol</th><th>close</th><th>change</th></tr>\n");
        if (movers.isEmpty()) {
            table.append("<tr><td class=\"l\" colspan=\"3\">none</td></tr>\n");
        }
        for (JsonNode mover : movers) {
            JsonNode change = mover.path("change_pct");
            table.append("<tr><td class=\"l\">").append(escape(mover.path("symbol").asText())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2f", mover.path("close").asDouble())).append("</td><td class=\"")
                    .append(change.asDouble() >= 0 ? "pos" : "neg").append("\">").append(signedPercent(change)).append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String anomalyTable(String title, MarketColumns rows, Figure figure, java.util.function.IntPredicate flagged,
            String unit) {
        List<Integer> listed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (flagged.test(i)) {
                listed.add(i);
            }
        }
        listed.sort(Comparator.<Integer>comparingDouble(i -> -Math.abs(rows.figure(figure, i))).thenComparing(rows::symbol));
        StringBuilder table = new StringBuilder("<table><tr><th class=\"l\" colspan=\"2\">").append(title).append(" (")
                .append(listed.size()).append(")</th></tr>\n");
        if (listed.isEmpty()) {
            table.append("<tr><td class=\"l\" colspan=\"2\">none</td></tr>\n");
        }
        for (int i : listed.subList(0, Math.min(ANOMALIES_LISTED, listed.size()))) {
            double value = rows.figure(figure, i);
            table.append("<tr><td class=\"l\">").append(escape(rows.symbol(i))).append("</td><td>")
                    .append(unit.equals("%") ? String.format(Locale.ROOT, "%+.2f%%", value) : String.format(Locale.ROOT, "%.2f×", value))
                    .append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String percent(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f%%", value.asDouble()) : "n/a";
    }

    private static String signedPercent(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%+.2f%%", value.asDouble()) : "n/a";
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.2f", value.asDouble()) : "n/a";
    }

    /** Text as HTML: &amp;, &lt;, &gt; and &quot; escaped, so it cannot end an element or a quoted attribute. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
