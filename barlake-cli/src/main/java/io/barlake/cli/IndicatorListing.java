package io.barlake.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.analytics.strategy.CatalogListing;
import io.barlake.lake.state.LakeJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code barlake indicators --list}: what {@code --spec} and composite strategies accept, from
 * {@link io.barlake.analytics.strategy.IndicatorCatalog}, described from TA-Lib's catalogue where the indicator is TA-Lib's;
 * then the catalogue's functions of two series, which a spec cannot name.
 */
final class IndicatorListing {
    private IndicatorListing() {}

    /** One line per indicator. */
    static String text() {
        StringBuilder out = new StringBuilder();
        for (ObjectNode entry : CatalogListing.entries()) {
            out.append(String.format(Locale.ROOT, "%-20s %-22s in: %-24s", entry.get("name").asText(), entry.get("group").asText(),
                    String.join(" ", strings((ArrayNode) entry.get("inputs")))));
            List<String> parameters = new ArrayList<>();
            entry.get("parameters").forEach(p -> parameters.add(p.get("name").asText() + "=" + number(p.get("default").asDouble())
                    + (p.has("allowed") ? " (" + p.get("allowed").asText() + ")" : "")));
            out.append(" parameters: ").append(parameters.isEmpty() ? "none" : String.join(", ", parameters));
            List<String> outputs = new ArrayList<>();
            entry.get("outputs").forEach(o -> outputs.add(o.get("name").asText() + (o.has("column") ? " → " + o.get("column").asText() : "")));
            out.append("; outputs: ").append(String.join(", ", outputs));
            if (!entry.get("in_spec").asBoolean()) {
                out.append("; catalogue only (two series)");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The same as a JSON array, with each output's CSV column at the defaults. */
    static String json() {
        ArrayNode array = LakeJson.mapper().createArrayNode();
        CatalogListing.entries().forEach(array::add);
        try {
            return LakeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(ArrayNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
