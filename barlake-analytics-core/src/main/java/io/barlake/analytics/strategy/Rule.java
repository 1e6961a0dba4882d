package io.barlake.analytics.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A per-bar condition: a comparison of two operands, or AND / OR / NOT of rules. */
public sealed interface Rule {
    /** Whether the rule holds at each bar: a new array, the caller's to keep or change. */
    boolean[] evaluate(BarContext context);

    /**
     * Whether the rule holds at one bar: {@code evaluate(context)[bar]}, computing only what that
     * bar needs (an AND stops at its first rule that fails, an OR at its first that holds, so an
     * indicator no rule reaches is never computed).
     */
    boolean holds(BarContext context, int bar);

    /** The rule as a sentence, e.g. {@code SMA(50) crosses above SMA(200)}. */
    String describe();

    /**
     * Adds the operand values the rule reads at {@code bar}, by label: those of {@link #operands},
     * in their order (a label read twice keeps its first place).
     */
    default void values(BarContext context, int bar, Map<String, Double> into) {
        List<Operand> read = new ArrayList<>();
        operands(read);
        for (Operand operand : read) {
            into.put(operand.label(), operand.values(context)[bar]);
        }
    }

    /** Adds the operands whose values explain the rule, in the order it reads them (constants left out). */
    void operands(List<Operand> into);

    /** {@code left <comparison> right}. */
    record Compare(Operand left, Comparison comparison, Operand right) implements Rule {
        public Compare {
            Objects.requireNonNull(left, "left is null");
            Objects.requireNonNull(comparison, "comparison is null");
            Objects.requireNonNull(right, "right is null");
        }

        @Override
        public boolean[] evaluate(BarContext context) {
            return comparison.evaluate(left.values(context), right.values(context));
        }

        @Override
        public boolean holds(BarContext context, int bar) {
            return comparison.holds(left, right, context, bar);
        }

        @Override
        public String describe() {
            return left.label() + " " + comparison.text() + " " + right.label();
        }

        @Override
        public void operands(List<Operand> into) {
            into.add(left);
            if (!(right instanceof Operand.Constant)) {
                into.add(right);
            }
        }
    }

    /** Every rule holds. */
    record All(List<Rule> rules) implements Rule {
        public All {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean[] evaluate(BarContext context) {
            return combine(rules, context, true);
        }

        @Override
        public boolean holds(BarContext context, int bar) {
            for (Rule rule : rules) {
                if (!rule.holds(context, bar)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return join(rules, " AND ");
        }

        @Override
        public void operands(List<Operand> into) {
            rules.forEach(rule -> rule.operands(into));
        }
    }

    /** At least one rule holds. */
    record Any(List<Rule> rules) implements Rule {
        public Any {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean[] evaluate(BarContext context) {
            return combine(rules, context, false);
        }

        @Override
        public boolean holds(BarContext context, int bar) {
            for (Rule rule : rules) {
                if (rule.holds(context, bar)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return join(rules, " OR ");
        }

        @Override
        public void operands(List<Operand> into) {
            rules.forEach(rule -> rule.operands(into));
        }
    }

    /** The rule does not hold. */
    record Not(Rule rule) implements Rule {
        @Override
        public boolean[] evaluate(BarContext context) {
            boolean[] inner = rule.evaluate(context);
            boolean[] out = new boolean[inner.length];
            for (int i = 0; i < inner.length; i++) {
                out[i] = !inner[i];
            }
            return out;
        }

        @Override
        public boolean holds(BarContext context, int bar) {
            return !rule.holds(context, bar);
        }

        @Override
        public String describe() {
            return "NOT (" + rule.describe() + ")";
        }

        @Override
        public void operands(List<Operand> into) {
            rule.operands(into);
        }
    }

    /** The rule held on at least one of the last {@code bars} bars, this one included. */
    record Within(int bars, Rule rule) implements Rule {
        public Within {
            Objects.requireNonNull(rule, "rule is null");
            if (bars < 1) {
                throw new IllegalArgumentException("bars must be 1 or more, was " + bars);
            }
        }

        @Override
        public boolean[] evaluate(BarContext context) {
            boolean[] inner = rule.evaluate(context);
            boolean[] out = new boolean[inner.length];
            int last = Integer.MIN_VALUE / 2; // the last bar it held on
            for (int i = 0; i < out.length; i++) {
                if (inner[i]) {
                    last = i;
                }
                out[i] = i - last < bars;
            }
            return out;
        }

        @Override
        public boolean holds(BarContext context, int bar) {
            for (int back = 0; back < bars && back <= bar; back++) {
                if (rule.holds(context, bar - back)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            String inner = rule.describe();
            return (rule instanceof Compare ? inner : "(" + inner + ")") + " within " + bars + " bars";
        }

        @Override
        public void operands(List<Operand> into) {
            rule.operands(into);
        }
    }

    /** Holds at every bar: a strategy without a setup step. */
    record Always() implements Rule {
        @Override
        public boolean[] evaluate(BarContext context) {
            boolean[] out = new boolean[context.bars().size()];
            java.util.Arrays.fill(out, true);
            return out;
        }

        @Override
        public boolean holds(BarContext context, int bar) {
            return true;
        }

        @Override
        public String describe() {
            return "always";
        }

        @Override
        public void operands(List<Operand> into) {}
    }

    private static boolean[] combine(List<Rule> rules, BarContext context, boolean all) {
        boolean[] out = new boolean[context.bars().size()];
        java.util.Arrays.fill(out, all);
        for (Rule rule : rules) {
            boolean[] next = rule.evaluate(context);
            for (int i = 0; i < out.length; i++) {
                out[i] = all ? out[i] && next[i] : out[i] || next[i];
            }
        }
        return out;
    }

    private static String join(List<Rule> rules, String separator) {
        StringBuilder text = new StringBuilder();
        for (Rule rule : rules) {
            String part = rule instanceof Compare || rule instanceof Not ? rule.describe() : "(" + rule.describe() + ")";
            text.append(text.length() == 0 ? "" : separator).append(part);
        }
        return text.toString();
    }
}
