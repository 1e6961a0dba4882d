package io.barlake.statemachine.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The intrinsic functions the pipeline uses, as the States Language defines them: {@code
 * States.Format}, {@code States.JsonToString}, {@code States.StringToJson}, {@code
 * States.JsonMerge} (shallow), {@code States.MathAdd}, {@code States.Array}, {@code
 * States.ArrayLength}, {@code States.ArrayGetItem} and {@code States.StringSplit}. Arguments are
 * string literals in single quotes (with {@code \'}, {@code \{}, {@code \}} and {@code \\}
 * escapes), numbers, {@code true}/{@code false}/{@code null}, paths and nested calls.
 */
final class Intrinsics {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Intrinsics() {}

    static boolean isCall(String expression) {
        return expression.startsWith("States.");
    }

    static JsonNode evaluate(String expression, JsonNode input, JsonNode context) {
        Parser parser = new Parser(expression);
        Parser.Call call = parser.call();
        parser.end();
        return apply(call, input, context);
    }

    private static JsonNode apply(Parser.Call call, JsonNode input, JsonNode context) {
        List<JsonNode> args = new ArrayList<>();
        for (Object arg : call.args()) {
            if (arg instanceof Parser.Call nested) {
                args.add(apply(nested, input, context));
            } else if (arg instanceof Parser.PathArg path) {
                args.add(JsonPaths.read(path.path(), input, context));
            } else {
                args.add((JsonNode) arg);
            }
        }
        String name = call.name();
        switch (name) {
            case "States.Format" -> {
                return NODES.textNode(format(args));
            }
            case "States.JsonToString" -> {
                arity(name, args, 1);
                return NODES.textNode(args.get(0).toString());
            }
            case "States.StringToJson" -> {
                arity(name, args, 1);
                try {
                    return JSON.readTree(args.get(0).asText());
                } catch (JsonProcessingException e) {
                    throw failure(name + ": not JSON: " + JsonPaths.abbreviate(args.get(0)));
                }
            }
            case "States.JsonMerge" -> {
                arity(name, args, 3);
                if (!args.get(0).isObject() || !args.get(1).isObject()) {
                    throw failure(name + ": both arguments must be objects");
                }
                if (args.get(2).asBoolean(false)) {
                    throw failure(name + ": deep merge (true) is not supported; the specification's shallow merge is false");
                }
                ObjectNode merged = ((ObjectNode) args.get(0)).deepCopy();
                for (Iterator<Map.Entry<String, JsonNode>> it = args.get(1).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    merged.set(field.getKey(), field.getValue());
                }
                return merged;
            }
            case "States.MathAdd" -> {
                arity(name, args, 2);
                if (!args.get(0).isIntegralNumber() || !args.get(1).isIntegralNumber()) {
                    throw failure(name + ": both arguments must be integers, were " + args);
                }
                return NODES.numberNode(Math.addExact(args.get(0).longValue(), args.get(1).longValue()));
            }
            case "States.Array" -> {
                ArrayNode array = NODES.arrayNode();
                args.forEach(array::add);
                return array;
            }
            case "States.ArrayLength" -> {
                arity(name, args, 1);
                if (!args.get(0).isArray()) {
                    throw failure(name + ": the argument must be an array");
                }
                return NODES.numberNode(args.get(0).size());
            }
            case "States.ArrayGetItem" -> {
                arity(name, args, 2);
                if (!args.get(0).isArray() || !args.get(1).isIntegralNumber() || args.get(1).intValue() < 0
                        || args.get(1).intValue() >= args.get(0).size()) {
                    throw failure(name + ": needs an array and an index inside it");
                }
                return args.get(0).get(args.get(1).intValue());
            }
            case "States.StringSplit" -> {
                arity(name, args, 2);
                ArrayNode parts = NODES.arrayNode();
                String text = args.get(0).asText();
                String delimiters = args.get(1).asText();
                StringBuilder part = new StringBuilder();
                for (char c : text.toCharArray()) {
                    if (delimiters.indexOf(c) >= 0) {
                        if (part.length() > 0) {
                            parts.add(part.toString());
                        }
                        part.setLength(0);
                    } else {
                        part.append(c);
                    }
                }
                if (part.length() > 0) {
                    parts.add(part.toString());
                }
                return parts;
            }
            default -> throw failure("Unknown intrinsic function " + name);
        }
    }

    private static String format(List<JsonNode> args) {
        if (args.isEmpty() || !args.get(0).isTextual()) {
            throw failure("States.Format: the first argument must be a template string");
        }
        String template = args.get(0).asText();
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure("States.Format: more {} than arguments in '" + template + "'");
                }
                JsonNode value = args.get(next++);
                if (value.isContainerNode()) {
                    throw failure("States.Format: arguments must be strings, numbers, booleans or null, not "
                            + JsonPaths.abbreviate(value));
                }
                out.append(value.isTextual() ? value.asText() : value.toString());
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw failure("States.Format: " + (args.size() - 1) + " arguments for " + (next - 1) + " {} in '" + template + "'");
        }
        return out.toString();
    }

    private static void arity(String name, List<JsonNode> args, int count) {
        if (args.size() != count) {
            throw failure(name + " takes " + count + " arguments, got " + args.size());
        }
    }

    private static StatesError failure(String message) {
        return new StatesError(StatesError.INTRINSIC_FAILURE, message);
    }

    /** A small recursive-descent parser of one intrinsic call. */
    private static final class Parser {
        record Call(String name, List<Object> args) {}

        record PathArg(String path) {}

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Call call() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            String name = text.substring(start, at);
            expect('(');
            List<Object> args = new ArrayList<>();
            skipSpaces();
            if (peek() != ')') {
                do {
                    skipSpaces();
                    args.add(argument());
                    skipSpaces();
                } while (take(','));
            }
            expect(')');
            return new Call(name, args);
        }

        private Object argument() {
            char c = peek();
            if (c == '\'') {
                return NODES.textNode(string());
            }
            if (c == '$') {
                int start = at;
                int depth = 0;
                while (at < text.length()) {
                    char d = text.charAt(at);
                    if (d == '[' || d == '(') {
                        depth++;
                    } else if (d == ']' || (d == ')' && depth > 0)) {
                        depth--;
                    } else if ((d == ',' || d == ')') && depth == 0) {
                        break;
                    }
                    at++;
                }
                return new PathArg(text.substring(start, at).strip());
            }
            if (text.startsWith("States.", at)) {
                return call();
            }
            int start = at;
            while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ')') {
                at++;
            }
            String literal = text.substring(start, at).strip();
            try {
                return JSON.readTree(literal);
            } catch (JsonProcessingException e) {
                throw failure("Invalid argument '" + literal + "' in " + text);
            }
        }

        /** A quoted string; escapes are kept for States.Format's template and resolved elsewhere. */
        private String string() {
            expect('\'');
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '\'') {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    char escaped = text.charAt(at++);
                    // \{ and \} stay escaped for the template; \' and \\ are plain characters.
                    if (escaped == '{' || escaped == '}') {
                        out.append('\\');
                    }
                    out.append(escaped == '\\' ? "\\\\" : String.valueOf(escaped));
                } else {
                    out.append(c);
                }
            }
            expect('\'');
            return out.toString();
        }

        void end() {
            skipSpaces();
            if (at != text.length()) {
                throw failure("Unexpected text after the call in " + text);
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private boolean take(char c) {
            if (peek() == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!take(c)) {
                throw failure("Expected '" + c + "' at position " + at + " of " + text);
            }
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
