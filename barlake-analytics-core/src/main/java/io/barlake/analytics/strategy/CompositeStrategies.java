package io.barlake.analytics.strategy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Strategies written as JSON, validated against the grammar of {@code composite-strategy.schema.json}:
 *
 * <pre>
 * {"name": "ema-pullback", "description": "…",
 *  "components": {
 *    "setup":   {"expression": {"left": {"price": "close"}, "op": "GT", "right": {"indicator": "SMA", "params": [200]}}},
 *    "trigger": {"expression": {"and": [ … ]}},
 *    "exit":    {"expression": {"not": { … }}, "stop_loss_percent": 8, "trailing_stop_percent": 12,
 *                "take_profit_percent": 25, "max_holding_sessions": 40, "entry_bar_stop_percent": 0.5}}}
 * </pre>
 *
 * An operand is an indicator ({@code indicator}, {@code params}, optional {@code output} and
 * {@code source}), a price ({@code price}) or a {@code constant}; an expression compares two
 * operands ({@code op}: GT, LT, GTE, LTE, CROSS_ABOVE, CROSS_BELOW) or combines expressions
 * ({@code and}, {@code or}, {@code not}). The setup is optional. Every problem is reported with its
 * JSON path, with a suggestion for misspelt names; documents are limited in size and depth.
 */
public final class CompositeStrategies {
    /** Largest accepted document. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Deepest accepted nesting of expressions. */
    public static final int MAX_DEPTH = 12;
    /** Most comparisons in one strategy. */
    public static final int MAX_COMPARISONS = 100;
    /** Most expressions in one {@code and} / {@code or}. */
    public static final int MAX_LIST = 50;
    /** Most problems reported; a document with more gets a last line saying so. */
    public static final int MAX_PROBLEMS = 50;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        MAPPER.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private CompositeStrategies() {}

    /** Builds the strategy, or throws {@link StrategyConfigException} listing every problem. */
    public static Strategy parse(String json) {
        if (json.length() > MAX_BYTES) {
            throw single("", "document is " + json.length() + " characters; the limit is " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": ";
            throw single("", where + "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return new Reader().strategy(root);
    }

    private static StrategyConfigException single(String path, String message) {
        return new StrategyConfigException(List.of(new StrategyConfigException.Problem(path, message)));
    }

    /** The strategy as composite JSON, which {@link #parse} reads back into an equal strategy. */
    /**
     * The grammar as a JSON Schema (draft 2020-12): {@code composite-strategy.schema.json} with
     * the indicator names filled from {@link IndicatorCatalog}, so the schema lists exactly what
     * the parser accepts.
     */
    public static String schema() {
        try (java.io.InputStream in = CompositeStrategies.class.getResourceAsStream("/io/barlake/analytics/composite-strategy.schema.json")) {
            ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
            ArrayNode names = (ArrayNode) schema.at("/$defs/operand/oneOf/0/properties/indicator/enum");
            IndicatorCatalog.names().forEach(names::add);
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the composite strategy schema", e);
        }
    }

    public static String toJson(Strategy strategy) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", strategy.name());
        root.put("description", strategy.description());
        ObjectNode components = root.putObject("components");
        if (!(strategy.setup() instanceof Rule.Always)) {
            components.putObject("setup").set("expression", expression(strategy.setup()));
        }
        components.putObject("trigger").set("expression", expression(strategy.trigger()));
        ObjectNode exit = components.putObject("exit");
        exit.set("expression", expression(strategy.exit()));
        ExitRules rules = strategy.exitRules();
        rules.stopLossPercent().ifPresent(v -> exit.put("stop_loss_percent", v));
        rules.trailingStopPercent().ifPresent(v -> exit.put("trailing_stop_percent", v));
        rules.takeProfitPercent().ifPresent(v -> exit.put("take_profit_percent", v));
        rules.maxHoldingSessions().ifPresent(v -> exit.put("max_holding_sessions", v));
        rules.entryBarStopPercent().ifPresent(v -> exit.put("entry_bar_stop_percent", v));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expression(Rule rule) {
        ObjectNode node = MAPPER.createObjectNode();
        if (rule instanceof Rule.Compare compare) {
            node.set("left", operand(compare.left()));
            node.put("op", compare.comparison().name());
            node.set("right", operand(compare.right()));
        } else if (rule instanceof Rule.All all) {
            ArrayNode list = node.putArray("and");
            all.rules().forEach(r -> list.add(expression(r)));
        } else if (rule instanceof Rule.Any any) {
            ArrayNode list = node.putArray("or");
            any.rules().forEach(r -> list.add(expression(r)));
        } else if (rule instanceof Rule.Not not) {
            node.set("not", expression(not.rule()));
        } else if (rule instanceof Rule.Within within) {
            node.put("within", within.bars());
            node.set("expression", expression(within.rule()));
        } else {
            throw new IllegalArgumentException("'always' is written by leaving the setup out");
        }
        return node;
    }

    private static JsonNode operand(Operand operand) {
        ObjectNode node = MAPPER.createObjectNode();
        if (operand instanceof Operand.Indicator indicator) {
            node.put("indicator", indicator.name());
            ArrayNode params = node.putArray("params");
            for (double p : indicator.parameters()) {
                if (p == Math.rint(p)) {
                    params.add((long) p);
                } else {
                    params.add(p);
                }
            }
            node.put("output", indicator.output());
            if (indicator.source() != PriceField.CLOSE) {
                node.put("source", indicator.source().label());
            }
        } else if (operand instanceof Operand.Price price) {
            node.put("price", price.field().label());
        } else if (operand instanceof Operand.Constant constant) {
            node.put("constant", constant.value());
        } else if (operand instanceof Operand.Arithmetic arithmetic) {
            ArrayNode pair = node.putArray(arithmetic.operator().name().toLowerCase(Locale.ROOT));
            pair.add(operand(arithmetic.left()));
            pair.add(operand(arithmetic.right()));
        } else if (operand instanceof Operand.Previous previous) {
            node.set("previous", operand(previous.of()));
            node.put("bars", previous.bars());
        } else if (operand instanceof Operand.BarsSince since) {
            node.set("bars_since", expression(since.rule()));
        }
        return node;
    }

    /** Walks the document once, collecting every problem instead of stopping at the first. */
    private static final class Reader {
        private final List<StrategyConfigException.Problem> problems = new ArrayList<>();
        private int comparisons;

        Strategy strategy(JsonNode root) {
            if (!root.isObject()) {
                throw single("", "a strategy is a JSON object");
            }
            fields(root, "", Set.of("name", "description", "components"));
            String name = text(root, "name", "", true);
            if (name != null && !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                problem("name", "must be 1-64 lower-case letters, digits or '-', was '" + name + "'");
            }
            String description = text(root, "description", "", false);
            JsonNode components = root.get("components");
            Rule setup = new Rule.Always();
            Rule trigger = null;
            Rule exit = null;
            ExitRules exitRules = ExitRules.none();
            if (components == null || !components.isObject()) {
                problem("components", components == null ? "missing; needs trigger and exit (setup is optional)"
                        : "must be an object with setup, trigger and exit");
            } else {
                fields(components, "components", Set.of("setup", "trigger", "exit"));
                if (components.has("setup")) {
                    setup = step(components.get("setup"), "components.setup", Set.of("expression"));
                }
                trigger = components.has("trigger")
                        ? step(components.get("trigger"), "components.trigger", Set.of("expression")) : missing("components.trigger");
                if (components.has("exit")) {
                    JsonNode exitNode = components.get("exit");
                    exit = step(exitNode, "components.exit", Set.of("expression", "stop_loss_percent",
                            "trailing_stop_percent", "take_profit_percent", "max_holding_sessions", "entry_bar_stop_percent"));
                    exitRules = exitRules(exitNode, "components.exit");
                } else {
                    missing("components.exit");
                }
            }
            problems.addAll(StrategySchema.beyond(root, problems));
            if (!problems.isEmpty()) {
                throw new StrategyConfigException(problems);
            }
            return new Strategy(name, description == null ? "" : description, setup, trigger, exit, exitRules);
        }

        private Rule missing(String path) {
            problem(path, "missing");
            return null;
        }

        private Rule step(JsonNode node, String path, Set<String> allowed) {
            if (!node.isObject()) {
                problem(path, "must be an object with an expression");
                return null;
            }
            fields(node, path, allowed);
            if (!node.has("expression")) {
                problem(path + ".expression", "missing");
                return null;
            }
            return expression(node.get("expression"), path + ".expression", 1);
        }

        private Rule expression(JsonNode node, String path, int depth) {
            if (depth > MAX_DEPTH) {
                problem(path, "nested deeper than " + MAX_DEPTH + " levels");
                return null;
            }
            if (!node.isObject()) {
                problem(path, "must be an object: a comparison (left, op, right) or and / or / not");
                return null;
            }
            if (node.has("and") || node.has("or")) {
                String key = node.has("and") ? "and" : "or";
                fields(node, path, Set.of(key));
                JsonNode list = node.get(key);
                if (!list.isArray() || list.isEmpty()) {
                    problem(path + "." + key, "must be a non-empty array of expressions");
                    return null;
                }
                if (list.size() > MAX_LIST) {
                    problem(path + "." + key, list.size() + " expressions; the limit is " + MAX_LIST);
                    return null;
                }
                List<Rule> rules = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    rules.add(expression(list.get(i), path + "." + key + "[" + i + "]", depth + 1));
                }
                return rules.contains(null) ? null : key.equals("and") ? new Rule.All(rules) : new Rule.Any(rules);
            }
            if (node.has("not")) {
                fields(node, path, Set.of("not"));
                Rule inner = expression(node.get("not"), path + ".not", depth + 1);
                return inner == null ? null : new Rule.Not(inner);
            }
            if (node.has("within")) {
                fields(node, path, Set.of("within", "expression"));
                Integer bars = bars(node.get("within"), path + ".within");
                Rule inner = node.has("expression") ? expression(node.get("expression"), path + ".expression", depth + 1)
                        : missing(path + ".expression");
                return bars == null || inner == null ? null : new Rule.Within(bars, inner);
            }
            fields(node, path, Set.of("left", "op", "right"));
            if (++comparisons > MAX_COMPARISONS) {
                if (comparisons == MAX_COMPARISONS + 1) {
                    problem(path, "more than " + MAX_COMPARISONS + " comparisons in one strategy");
                }
                return null;
            }
            Operand left = node.has("left") ? operand(node.get("left"), path + ".left", depth + 1) : operandMissing(path + ".left");
            Operand right = node.has("right") ? operand(node.get("right"), path + ".right", depth + 1) : operandMissing(path + ".right");
            Comparison comparison = null;
            JsonNode op = node.get("op");
            if (op == null) {
                problem(path + ".op", "missing; one of " + Arrays.toString(Comparison.values()));
            } else if (!op.isTextual()) {
                problem(path + ".op", "must be a string");
            } else {
                try {
                    comparison = Comparison.valueOf(op.asText());
                } catch (IllegalArgumentException e) {
                    List<String> names = Arrays.stream(Comparison.values()).map(Enum::name).toList();
                    String hint = suggestion(op.asText(), names);
                    problem(path + ".op", "unknown comparison '" + op.asText() + "'"
                            + (hint.isEmpty() ? " (one of " + String.join(", ", names) + ")" : hint));
                }
            }
            return left == null || right == null || comparison == null ? null : new Rule.Compare(left, comparison, right);
        }

        private Operand operandMissing(String path) {
            problem(path, "missing; an indicator, a price or a constant");
            return null;
        }

        /** A whole number of bars from 1 to 5000, or null (the problem noted). */
        private Integer bars(JsonNode node, String path) {
            if (node == null || !node.canConvertToInt() || node.asDouble() != Math.rint(node.asDouble()) || node.asInt() < 1
                    || node.asInt() > 5_000) {
                problem(path, "must be a whole number of bars from 1 to 5000" + (node == null ? "" : ", was " + node));
                return null;
            }
            return node.asInt();
        }

        private Operand operand(JsonNode node, String path, int depth) {
            if (depth > MAX_DEPTH) {
                problem(path, "nested deeper than " + MAX_DEPTH + " levels");
                return null;
            }
            if (!node.isObject()) {
                problem(path, "must be an object: {\"indicator\": …}, {\"price\": …}, {\"constant\": …}, arithmetic"
                        + " ({\"mul\": [a, b]}, add, sub, div), {\"previous\": …, \"bars\": n} or {\"bars_since\": expression}");
                return null;
            }
            for (Operand.Arithmetic.Operator operator : Operand.Arithmetic.Operator.values()) {
                String key = operator.name().toLowerCase(Locale.ROOT);
                if (node.has(key)) {
                    fields(node, path, Set.of(key));
                    JsonNode pair = node.get(key);
                    if (!pair.isArray() || pair.size() != 2) {
                        problem(path + "." + key, "must be an array of two operands, [a, b] for a " + operator.symbol() + " b");
                        return null;
                    }
                    Operand a = operand(pair.get(0), path + "." + key + "[0]", depth + 1);
                    Operand b = operand(pair.get(1), path + "." + key + "[1]", depth + 1);
                    return a == null || b == null ? null : new Operand.Arithmetic(operator, a, b);
                }
            }
            if (node.has("previous")) {
                fields(node, path, Set.of("previous", "bars"));
                Integer bars = bars(node.get("bars"), path + ".bars");
                Operand of = operand(node.get("previous"), path + ".previous", depth + 1);
                return bars == null || of == null ? null : new Operand.Previous(of, bars);
            }
            if (node.has("bars_since")) {
                fields(node, path, Set.of("bars_since"));
                Rule rule = expression(node.get("bars_since"), path + ".bars_since", depth + 1);
                return rule == null ? null : new Operand.BarsSince(rule);
            }
            if (node.has("constant")) {
                fields(node, path, Set.of("constant"));
                JsonNode value = node.get("constant");
                if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                    problem(path + ".constant", "must be a finite number");
                    return null;
                }
                return new Operand.Constant(value.asDouble());
            }
            if (node.has("price")) {
                fields(node, path, Set.of("price"));
                PriceField field = priceField(node.get("price"), path + ".price");
                return field == null ? null : new Operand.Price(field);
            }
            if (!node.has("indicator")) {
                problem(path, "needs one of indicator, price, constant, add, sub, mul, div, previous or bars_since");
                return null;
            }
            fields(node, path, Set.of("indicator", "params", "output", "source"));
            JsonNode nameNode = node.get("indicator");
            String name = nameNode.isTextual() ? nameNode.asText() : null;
            IndicatorCatalog.Definition definition = name == null ? null : IndicatorCatalog.find(name).orElse(null);
            if (definition == null) {
                problem(path + ".indicator", name == null ? "must be a string"
                        : "unknown indicator '" + name + "'" + suggestion(name, IndicatorCatalog.names()));
                return null;
            }
            double[] params = params(node.get("params"), path + ".params", definition);
            String output = null;
            if (node.has("output")) {
                output = node.get("output").asText();
                if (!definition.outputs().contains(output)) {
                    problem(path + ".output", name + " has no output '" + output + "'" + suggestion(output, definition.outputs())
                            + " (outputs: " + String.join(", ", definition.outputs()) + ")");
                    return null;
                }
            }
            PriceField source = node.has("source") ? priceField(node.get("source"), path + ".source") : PriceField.CLOSE;
            return params == null || source == null ? null : new Operand.Indicator(name, params, output, source);
        }

        private double[] params(JsonNode node, String path, IndicatorCatalog.Definition definition) {
            List<String> names = definition.parameters();
            if (node == null) {
                if (definition.defaults() != null) {
                    return definition.defaults();
                }
                problem(path, "missing; " + definition.name() + " takes " + names);
                return null;
            }
            if (!node.isArray() || node.size() != names.size()) {
                problem(path, definition.name() + " takes " + names.size() + " parameters " + names + ", got "
                        + (node.isArray() ? node.size() : "no array"));
                return null;
            }
            double[] values = new double[names.size()];
            boolean ok = true;
            for (int i = 0; i < names.size(); i++) {
                JsonNode value = node.get(i);
                String problem = value.isNumber() ? definition.problem(i, value.asDouble()) : names.get(i) + " must be a number";
                if (problem != null) {
                    problem(path + "[" + i + "]", problem + ", was " + value);
                    ok = false;
                } else {
                    values[i] = value.asDouble();
                }
            }
            return ok ? values : null;
        }

        private PriceField priceField(JsonNode node, String path) {
            String text = node.isTextual() ? node.asText() : String.valueOf(node);
            try {
                return PriceField.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(path, "unknown price '" + text + "'" + suggestion(text,
                        Arrays.stream(PriceField.values()).map(PriceField::label).toList()));
                return null;
            }
        }

        private ExitRules exitRules(JsonNode node, String path) {
            if (!node.isObject()) {
                return ExitRules.none();
            }
            OptionalDouble stop = percent(node, "stop_loss_percent", path, ExitRules.MAX_STOP_PERCENT);
            OptionalDouble trailing = percent(node, "trailing_stop_percent", path, ExitRules.MAX_STOP_PERCENT);
            OptionalDouble target = percent(node, "take_profit_percent", path, ExitRules.MAX_TAKE_PROFIT_PERCENT);
            OptionalInt holding = OptionalInt.empty();
            JsonNode sessions = node.get("max_holding_sessions");
            if (sessions != null) {
                if (!sessions.canConvertToInt() || sessions.asInt() < 1 || !sessions.isIntegralNumber()) {
                    problem(path + ".max_holding_sessions", "must be a whole number >= 1, was " + sessions);
                } else {
                    holding = OptionalInt.of(sessions.asInt());
                }
            }
            OptionalDouble entryBar = OptionalDouble.empty();
            JsonNode belowLow = node.get("entry_bar_stop_percent");
            if (belowLow != null) {
                if (!belowLow.isNumber() || !(belowLow.asDouble() >= 0 && belowLow.asDouble() < ExitRules.MAX_STOP_PERCENT)) {
                    problem(path + ".entry_bar_stop_percent", "must be a number >= 0 (0: the entry bar's low) and < "
                            + (int) ExitRules.MAX_STOP_PERCENT + ", was " + belowLow);
                } else {
                    entryBar = OptionalDouble.of(belowLow.asDouble());
                }
            }
            return new ExitRules(stop, target, trailing, holding, entryBar);
        }

        private OptionalDouble percent(JsonNode node, String field, String path, double max) {
            JsonNode value = node.get(field);
            if (value == null) {
                return OptionalDouble.empty();
            }
            if (!value.isNumber() || !(value.asDouble() > 0 && value.asDouble() < max)) {
                problem(path + "." + field, "must be a number > 0 and < " + (int) max + ", was " + value);
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(value.asDouble());
        }

        private String text(JsonNode node, String field, String path, boolean required) {
            JsonNode value = node.get(field);
            String where = path.isEmpty() ? field : path + "." + field;
            if (value == null) {
                if (required) {
                    problem(where, "missing");
                }
                return null;
            }
            if (!value.isTextual()) {
                problem(where, "must be a string");
                return null;
            }
            if (value.asText().length() > 2_000) {
                problem(where, "longer than 2000 characters");
                return null;
            }
            return value.asText();
        }

        private void fields(JsonNode node, String path, Set<String> allowed) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                String key = it.next().getKey();
                if (!allowed.contains(key)) {
                    // Sorted: Set.of iterates in an order that changes from run to run, and the
                    // suggestion among equally close names must not.
                    List<String> expected = allowed.stream().sorted().toList();
                    problem(path.isEmpty() ? key : path + "." + key, "unknown field" + suggestion(key, expected)
                            + " (expected " + String.join(", ", expected) + ")");
                }
            }
        }

        private void problem(String path, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new StrategyConfigException.Problem(path, message));
            } else if (problems.size() == MAX_PROBLEMS) {
                problems.add(new StrategyConfigException.Problem("", "more problems not listed (the first "
                        + MAX_PROBLEMS + " are above)"));
            }
        }
    }

    /** "; did you mean 'X'?" for the closest name within two edits (case-insensitive), or nothing. */
    public static String suggestion(String given, List<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String name : names) {
            int distance = distance(given.toUpperCase(Locale.ROOT), name.toUpperCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
