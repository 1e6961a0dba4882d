package io.barlake.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.analytics.catalogue.TaCatalogue;
import io.barlake.analytics.catalogue.TaFunction;
import io.barlake.analytics.strategy.IndicatorCatalog;
import io.barlake.analytics.strategy.IndicatorSpec;
import io.barlake.analytics.strategy.Operand;
import io.barlake.lake.state.LakeJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code barlake indicators --list}: what {@code --spec} and composite strategies accept, from
 * {@link IndicatorCatalog}, described from TA-Lib's catalogue where the indicator is TA-Lib's;
 * then the catalogue's functions of two series, which a spec cannot name.
 */
final class IndicatorListing {
    private IndicatorListing() {}

    /** One line per indicator. */
    static String text() {
        StringBuilder out = new StringBuilder();
        for (ObjectNode entry : entries()) {
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
        entries().forEach(array::add);
        try {
            return LakeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ObjectNode> entries() {
        List<ObjectNode> entries = new ArrayList<>();
        for (String name : IndicatorCatalog.names()) {
            IndicatorCatalog.Definition definition = IndicatorCatalog.find(name).orElseThrow();
            Optional<TaFunction> talib = TaCatalogue.find(name);
            ObjectNode entry = LakeJson.mapper().createObjectNode();
            entry.put("name", name);
            entry.put("group", talib.map(TaFunction::group).orElse("Barlake"));
            ArrayNode inputs = entry.putArray("inputs");
            talib.ifPresentOrElse(f -> f.inputs().forEach(inputs::add), () -> inputs.add("bars"));
            ArrayNode parameters = entry.putArray("parameters");
            double[] defaults = definition.defaults();
            for (int i = 0; i < definition.parameters().size(); i++) {
                ObjectNode parameter = parameters.addObject().put("name", definition.parameters().get(i)).put("default", defaults[i]);
                if (talib.isPresent() && talib.get().parameters().size() == definition.parameters().size()) {
                    TaFunction.Parameter p = talib.get().parameters().get(i);
                    parameter.put("talib", "optIn" + p.talibName()).put("type", p.type().name().toLowerCase(Locale.ROOT))
                            .put("allowed", p.allowed());
                }
            }
            Operand.Indicator atDefaults = new Operand.Indicator(name, defaults, null, null);
            ArrayNode outputs = entry.putArray("outputs");
            definition.outputs().forEach(output -> outputs.addObject().put("name", output)
                    .put("column", IndicatorSpec.columnName(atDefaults, output)));
            entry.put("lookback", definition.lookbacks(java.util.Arrays.stream(defaults).mapToInt(v -> (int) Math.round(v)).toArray())[0]);
            entry.put("in_spec", true);
            entries.add(entry);
        }
        for (TaFunction function : TaCatalogue.all()) {
            if (IndicatorCatalog.find(function.name()).isEmpty()) {
                ObjectNode entry = LakeJson.mapper().createObjectNode().put("name", function.name()).put("group", function.group());
                ArrayNode inputs = entry.putArray("inputs");
                function.inputs().forEach(inputs::add);
                ArrayNode parameters = entry.putArray("parameters");
                function.parameters().forEach(p -> parameters.addObject().put("name", p.name()).put("default", p.defaultValue())
                        .put("talib", "optIn" + p.talibName()).put("type", p.type().name().toLowerCase(Locale.ROOT)).put("allowed", p.allowed()));
                ArrayNode outputs = entry.putArray("outputs");
                function.outputs().forEach(o -> outputs.addObject().put("name", o.name()));
                entry.put("lookback", function.lookback(function.defaults()));
                entry.put("in_spec", false);
                entries.add(entry);
            }
        }
        return entries;
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
