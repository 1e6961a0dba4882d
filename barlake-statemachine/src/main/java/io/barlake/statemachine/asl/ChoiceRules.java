package io.barlake.statemachine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code Choice} state's rules: {@code And}, {@code Or}, {@code Not}, and a {@code Variable}
 * compared with {@code String…}, {@code Numeric…}, {@code Boolean…} (each also as {@code …Path}),
 * {@code StringMatches}, {@code IsPresent}, {@code IsNull}, {@code IsString}, {@code IsNumeric}
 * and {@code IsBoolean}. A variable that is not there fails the execution ({@code States.Runtime}),
 * except under {@code IsPresent}, as in AWS.
 */
final class ChoiceRules {
    private ChoiceRules() {}

    static boolean matches(JsonNode rule, JsonNode input, JsonNode context) {
        if (rule.has("And")) {
            for (JsonNode inner : rule.get("And")) {
                if (!matches(inner, input, context)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode inner : rule.get("Or")) {
                if (matches(inner, input, context)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context);
        }
        String variable = rule.path("Variable").asText(null);
        if (variable == null) {
            throw new StatesError(StatesError.RUNTIME, "A choice rule needs And, Or, Not or Variable: " + rule);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String operator = field.getKey();
            if (operator.equals("Variable") || operator.equals("Next")) {
                continue;
            }
            return compare(operator, field.getValue(), variable, input, context);
        }
        throw new StatesError(StatesError.RUNTIME, "A choice rule on " + variable + " has no comparison");
    }

    private static boolean compare(String operator, JsonNode operand, String variable, JsonNode input, JsonNode context) {
        if (operator.equals("IsPresent")) {
            boolean present;
            try {
                JsonPaths.read(variable, input, context);
                present = true;
            } catch (StatesError e) {
                present = false;
            }
            return present == operand.asBoolean();
        }
        JsonNode value = JsonPaths.read(variable, input, context);
        JsonNode expected = operator.endsWith("Path") ? JsonPaths.read(operand.asText(), input, context) : operand;
        String kind = operator.endsWith("Path") ? operator.substring(0, operator.length() - 4) : operator;
        switch (kind) {
            case "IsNull" -> {
                return value.isNull() == expected.asBoolean();
            }
            case "IsString" -> {
                return value.isTextual() == expected.asBoolean();
            }
            case "IsNumeric" -> {
                return value.isNumber() == expected.asBoolean();
            }
            case "IsBoolean" -> {
                return value.isBoolean() == expected.asBoolean();
            }
            case "StringMatches" -> {
                return value.isTextual() && glob(expected.asText()).matcher(value.asText()).matches();
            }
            case "BooleanEquals" -> {
                return value.isBoolean() && value.asBoolean() == expected.asBoolean();
            }
            default -> {
                if (kind.startsWith("String")) {
                    return value.isTextual() && expected.isTextual()
                            && order(kind.substring("String".length()), value.asText().compareTo(expected.asText()));
                }
                if (kind.startsWith("Numeric")) {
                    return value.isNumber() && expected.isNumber()
                            && order(kind.substring("Numeric".length()), value.decimalValue().compareTo(expected.decimalValue()));
                }
                throw new StatesError(StatesError.RUNTIME, "Unsupported choice comparison " + operator);
            }
        }
    }

    private static boolean order(String relation, int comparison) {
        return switch (relation) {
            case "Equals" -> comparison == 0;
            case "LessThan" -> comparison < 0;
            case "GreaterThan" -> comparison > 0;
            case "LessThanEquals" -> comparison <= 0;
            case "GreaterThanEquals" -> comparison >= 0;
            default -> throw new StatesError(StatesError.RUNTIME, "Unsupported comparison " + relation);
        };
    }

    /** {@code *} matches any run of characters; {@code \*} a literal star. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
