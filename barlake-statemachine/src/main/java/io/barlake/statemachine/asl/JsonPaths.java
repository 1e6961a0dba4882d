package io.barlake.statemachine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The States Language's paths: {@code $…} reads the state's input, {@code $$…} the context
 * object (read with Jayway JSONPath), and reference paths ({@code $.a.b}, {@code $.a[0]}) say
 * where {@code ResultPath} puts a result.
 */
final class JsonPaths {
    private static final Configuration READ = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(EnumSet.noneOf(Option.class))
            .build();
    private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\['([^']+)'\\]|\\[(\\d+)\\]");

    private JsonPaths() {}

    /** The value at {@code path}; a path that matches nothing is a {@code States.Runtime} error, as in AWS. */
    static JsonNode read(String path, JsonNode input, JsonNode context) {
        JsonNode root = input;
        String effective = path;
        if (path.startsWith("$$")) {
            root = context;
            effective = path.substring(1);
        }
        if (!effective.startsWith("$")) {
            throw new StatesError(StatesError.RUNTIME, "Invalid path '" + path + "': a path starts with $ or $$");
        }
        if (effective.equals("$")) {
            return root;
        }
        try {
            Object value = JsonPath.using(READ).parse(root).read(effective);
            return value == null ? JsonNodeFactory.instance.nullNode() : (JsonNode) value;
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            throw new StatesError(StatesError.RUNTIME, "The JSONPath '" + path + "' could not be found in the input '"
                    + abbreviate(root) + "'");
        } catch (com.jayway.jsonpath.InvalidPathException e) {
            throw new StatesError(StatesError.RUNTIME, "Invalid JSONPath '" + path + "': " + e.getMessage());
        }
    }

    /** {@code InputPath} / {@code OutputPath}: absent means {@code $}, JSON null means an empty object. */
    static JsonNode select(JsonNode pathNode, JsonNode input, JsonNode context) {
        if (pathNode == null) {
            return input;
        }
        if (pathNode.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        return read(pathNode.asText(), input, context);
    }

    /**
     * {@code ResultPath}: absent means {@code $} (the result replaces the input), JSON null
     * discards the result, a reference path puts it into a copy of the input, creating the
     * objects on the way.
     */
    static JsonNode place(JsonNode pathNode, JsonNode input, JsonNode result) {
        if (pathNode == null) {
            return result;
        }
        if (pathNode.isNull()) {
            return input;
        }
        String path = pathNode.asText();
        if (path.equals("$")) {
            return result;
        }
        List<Object> steps = steps(path);
        if (!input.isObject()) {
            throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '" + path
                    + "' to input '" + abbreviate(input) + "': it is not an object");
        }
        JsonNode copy = input.deepCopy();
        JsonNode node = copy;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String field) {
                if (!node.isObject()) {
                    throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '" + path
                            + "': '" + field + "' is not inside an object");
                }
                ObjectNode object = (ObjectNode) node;
                if (last) {
                    object.set(field, result);
                } else {
                    JsonNode next = object.get(field);
                    if (next == null || next.isNull()) {
                        next = object.putObject(field);
                    }
                    node = next;
                }
            } else {
                int index = (Integer) step;
                if (!node.isArray() || index >= node.size()) {
                    throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '" + path
                            + "': no element " + index);
                }
                if (last) {
                    ((ArrayNode) node).set(index, result);
                } else {
                    node = node.get(index);
                }
            }
        }
        return copy;
    }

    private static List<Object> steps(String path) {
        if (!path.startsWith("$")) {
            throw new StatesError(StatesError.RUNTIME, "Invalid ResultPath '" + path + "': a reference path starts with $");
        }
        List<Object> steps = new ArrayList<>();
        Matcher matcher = STEP.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw new StatesError(StatesError.RUNTIME, "Invalid ResultPath '" + path
                        + "': only fields and indexes are allowed in a reference path");
            }
            if (matcher.group(1) != null) {
                steps.add(matcher.group(1));
            } else if (matcher.group(2) != null) {
                steps.add(matcher.group(2));
            } else {
                steps.add(Integer.parseInt(matcher.group(3)));
            }
            at = matcher.end();
        }
        return steps;
    }

    static String abbreviate(JsonNode node) {
        String text = node == null ? "null" : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
