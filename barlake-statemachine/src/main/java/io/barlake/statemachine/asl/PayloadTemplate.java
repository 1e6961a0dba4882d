package io.barlake.statemachine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code Parameters} and {@code ResultSelector}: a JSON template whose fields ending in {@code .$}
 * are replaced (under the name without the suffix) by the value of a path or an intrinsic call;
 * nested objects and arrays are templates too; anything else is copied as it is.
 */
final class PayloadTemplate {
    private PayloadTemplate() {}

    static JsonNode apply(JsonNode template, JsonNode input, JsonNode context) {
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                if (name.endsWith(".$")) {
                    if (!field.getValue().isTextual()) {
                        throw new StatesError(StatesError.RUNTIME, "The value of '" + name + "' must be a path or an intrinsic call");
                    }
                    String expression = field.getValue().asText();
                    JsonNode value = Intrinsics.isCall(expression) ? Intrinsics.evaluate(expression, input, context)
                            : JsonPaths.read(expression, input, context);
                    out.set(name.substring(0, name.length() - 2), value);
                } else {
                    out.set(name, apply(field.getValue(), input, context));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            template.forEach(item -> out.add(apply(item, input, context)));
            return out;
        }
        return template;
    }
}
