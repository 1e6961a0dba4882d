package io.barlake.analytics.strategy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.analytics.catalogue.TaCatalogue;
import io.barlake.analytics.catalogue.TaFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The indicator catalogue as data, one entry per indicator: name, group (TA-Lib's, or
 * {@code Barlake}), inputs, parameters with their defaults, TA-Lib names, types and allowed
 * ranges, outputs with the CSV column each gets at the defaults, the lookback, and whether a spec
 * or a rule can name it ({@code in_spec}; TA-Lib's functions of two series cannot). What
 * {@code barlake indicators --list --json}, {@code GET /v1/indicators} and the dashboard show.
 */
public final class CatalogListing {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogListing() {}

    /** Every entry: {@link IndicatorCatalog}'s indicators in its order, then TA-Lib's functions of two series. */
    public static List<ObjectNode> entries() {
        List<ObjectNode> entries = new ArrayList<>();
        for (String name : IndicatorCatalog.names()) {
            IndicatorCatalog.Definition definition = IndicatorCatalog.find(name).orElseThrow();
            Optional<TaFunction> talib = TaCatalogue.find(name);
            ObjectNode entry = MAPPER.createObjectNode();
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
                ObjectNode entry = MAPPER.createObjectNode().put("name", function.name()).put("group", function.group());
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

}
