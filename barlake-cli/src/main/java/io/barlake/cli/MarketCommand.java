package io.barlake.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.market.MarketReader;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barlake market}: a session's market summary, as the nightly run wrote it to gold. */
@Command(name = "market", mixinStandardHelpOptions = true,
        header = "Print a session's market summary: breadth, movers, anomalies, mood.",
        description = {"Print the market summary the nightly run wrote to gold/market/date=D/summary.json:",
                "the narrative, breadth (advancers, decliners, new highs and lows, share above the SMAs),",
                "the top gainers, losers and most active, anomaly counts, mood and turbulence (docs/market.md)."})
final class MarketCommand extends LakeCommand {
    @Option(names = "--date", description = "Session (default: the latest with a summary).")
    LocalDate date;

    @Option(names = "--json", description = "Print summary.json as it is stored.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ObjectStore store = lake.open(parent.environment())) {
            MarketReader reader = new MarketReader(store);
            TreeSet<LocalDate> sessions = reader.sessions();
            if (sessions.isEmpty()) {
                throw new IllegalStateException("The lake in " + store.location() + " has no market summaries yet; "
                        + "'barlake run' writes them");
            }
            LocalDate session = date != null ? date : sessions.last();
            JsonNode summary = reader.summary(session).orElseThrow(() -> new InvalidSettingException("--date", session.toString(),
                    "no market summary for it; the lake has them from " + sessions.first() + " to " + sessions.last()));
            if (json) {
                out.println(LakeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
                out.flush();
                return ExitCodes.OK;
            }
            if (SyntheticData.in(store, parent.clock())) {
                out.println(SyntheticData.WARNING);
            }
            out.println("Market on " + session + ": " + summary.path("symbols").asInt() + " symbols");
            out.println(summary.path("narrative").asText());
            JsonNode breadth = summary.path("breadth");
            out.printf(Locale.ROOT, "Breadth: %d up, %d down, %d unchanged; %d new highs, %d new lows; above SMA 50: %s, SMA 200: %s%n",
                    breadth.path("advancers").asInt(), breadth.path("decliners").asInt(), breadth.path("unchanged").asInt(),
                    breadth.path("new_highs").asInt(), breadth.path("new_lows").asInt(), percent(breadth.path("pct_above_sma_50")),
                    percent(breadth.path("pct_above_sma_200")));
            JsonNode mood = summary.path("mood");
            out.printf(Locale.ROOT, "Mood: %s (breadth thrust %s); turbulence %s%n", mood.path("label").asText(),
                    number(mood.path("breadth_thrust")), number(summary.path("turbulence")));
            JsonNode anomalies = summary.path("anomalies");
            out.printf(Locale.ROOT, "Anomalies: %d volume spikes, %d moves over 5%%, %d gaps over 5%%%n",
                    anomalies.path("volume_spikes").asInt(), anomalies.path("big_moves").asInt(), anomalies.path("gaps").asInt());
            JsonNode movers = summary.path("movers");
            out.printf(Locale.ROOT, "Movers among closes >= $%.2f with 20-day average volume >= %,d:%n",
                    movers.path("min_close").asDouble(), movers.path("min_avg_volume_20").asLong());
            table(out, "Top gainers", movers.path("gainers"));
            table(out, "Top losers", movers.path("losers"));
            table(out, "Most active", movers.path("most_active"));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void table(PrintWriter out, String title, JsonNode rows) {
        out.println(title + ":");
        if (rows.isEmpty()) {
            out.println("  (none)");
        }
        for (JsonNode row : rows) {
            out.printf(Locale.ROOT, "  %-10s %10.2f %9s %16s%n", row.path("symbol").asText(), row.path("close").asDouble(),
                    row.path("change_pct").isNull() ? "" : String.format(Locale.ROOT, "%+.2f%%", row.path("change_pct").asDouble()),
                    String.format(Locale.ROOT, "$%,.0f", row.path("dollar_volume").asDouble()));
        }
    }

    private static String percent(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "n/a" : String.format(Locale.ROOT, "%.1f%%", value.asDouble());
    }

    private static String number(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "n/a" : String.format(Locale.ROOT, "%.2f", value.asDouble());
    }
}
