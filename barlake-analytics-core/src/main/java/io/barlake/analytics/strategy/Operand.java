package io.barlake.analytics.strategy;

import java.util.Arrays;
import java.util.Objects;

/**
 * A per-bar number a rule compares: an indicator output, a price column, a constant, arithmetic
 * on two operands ({@code 1.5 * SMA(20) of volume}), an operand some bars back ({@code close[1]}),
 * or the number of bars since a rule last held.
 */
public sealed interface Operand {
    double[] values(BarContext context);

    /** The value at one bar: {@code values(context)[bar]}, without building a series where none is needed. */
    default double value(BarContext context, int bar) {
        return values(context)[bar];
    }

    /** How the operand reads in an explanation, e.g. {@code SMA(50)} or {@code MACD(12,26,9).signal}. */
    String label();

    /**
     * An indicator's output, e.g. {@code BBANDS(20, 2).upper} over close. A value: equal when name,
     * parameters, output and source are. Its label is built once, since every explanation reads it.
     */
    final class Indicator implements Operand {
        private final String name;
        private final double[] parameters;
        private final String output;
        private final PriceField source;
        private final IndicatorCatalog.Definition definition;
        private final int outputIndex;
        private final String label;

        /** {@code output} null: the indicator's first output; {@code source} null: the close. */
        public Indicator(String name, double[] parameters, String output, PriceField source) {
            this.name = Objects.requireNonNull(name, "name is null");
            this.parameters = parameters.clone();
            this.definition = IndicatorCatalog.find(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown indicator '" + name + "'"));
            if (parameters.length != definition.parameters().size()) {
                throw new IllegalArgumentException(name + " takes " + definition.parameters().size() + " parameters "
                        + definition.parameters() + ", got " + parameters.length);
            }
            this.output = output == null ? definition.outputs().get(0) : output;
            this.outputIndex = definition.outputs().indexOf(this.output);
            if (outputIndex < 0) {
                throw new IllegalArgumentException(name + " has no output '" + output + "'; it has " + definition.outputs());
            }
            this.source = source == null ? PriceField.CLOSE : source;
            this.label = describe();
        }

        public String name() {
            return name;
        }

        /** The parameters as given, e.g. {@code [20, 2]}; a copy. */
        public double[] parameters() {
            return parameters.clone();
        }

        public String output() {
            return output;
        }

        public PriceField source() {
            return source;
        }

        IndicatorCatalog.Definition definition() {
            return definition;
        }

        int outputIndex() {
            return outputIndex;
        }

        @Override
        public double[] values(BarContext context) {
            return context.indicator(this);
        }

        @Override
        public String label() {
            return label;
        }

        private String describe() {
            StringBuilder text = new StringBuilder(name).append('(');
            for (int i = 0; i < parameters.length; i++) {
                text.append(i == 0 ? "" : ",").append(number(parameters[i]));
            }
            text.append(')');
            if (definition.outputs().size() > 1) {
                text.append('.').append(output);
            }
            return source == PriceField.CLOSE ? text.toString() : text + " of " + source.label();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Indicator that && name.equals(that.name) && Arrays.equals(parameters, that.parameters)
                    && output.equals(that.output) && source == that.source;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(parameters), output, source);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A price column. */
    record Price(PriceField field) implements Operand {
        @Override
        public double[] values(BarContext context) {
            return field.of(context.bars());
        }

        @Override
        public String label() {
            return field.label();
        }
    }

    /** A constant, e.g. the 30 of "RSI below 30". */
    record Constant(double value) implements Operand {
        @Override
        public double[] values(BarContext context) {
            double[] out = new double[context.bars().size()];
            Arrays.fill(out, value);
            return out;
        }

        @Override
        public double value(BarContext context, int bar) {
            return value;
        }

        @Override
        public String label() {
            return number(value);
        }
    }

    /** Arithmetic on two operands, bar by bar; NaN where either is NaN (warm-up), ±∞ or NaN on a division by 0. */
    record Arithmetic(Operator operator, Operand left, Operand right) implements Operand {
        /** The four operations, as written in JSON ({@code add}, {@code sub}, {@code mul}, {@code div}) and in labels. */
        public enum Operator {
            ADD("+"), SUB("-"), MUL("*"), DIV("/");

            private final String symbol;

            Operator(String symbol) {
                this.symbol = symbol;
            }

            public String symbol() {
                return symbol;
            }

            double apply(double a, double b) {
                return switch (this) {
                    case ADD -> a + b;
                    case SUB -> a - b;
                    case MUL -> a * b;
                    case DIV -> a / b;
                };
            }
        }

        public Arithmetic {
            Objects.requireNonNull(operator, "operator is null");
            Objects.requireNonNull(left, "left is null");
            Objects.requireNonNull(right, "right is null");
        }

        @Override
        public double[] values(BarContext context) {
            double[] a = left.values(context);
            double[] b = right.values(context);
            double[] out = new double[a.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = operator.apply(a[i], b[i]);
            }
            return out;
        }

        @Override
        public double value(BarContext context, int bar) {
            return operator.apply(left.value(context, bar), right.value(context, bar));
        }

        @Override
        public String label() {
            return part(left) + " " + operator.symbol() + " " + part(right);
        }

        private static String part(Operand operand) {
            return operand instanceof Arithmetic ? "(" + operand.label() + ")" : operand.label();
        }
    }

    /** An operand's value {@code bars} bars earlier ({@code close[1]}): NaN on the first {@code bars} bars. */
    record Previous(Operand of, int bars) implements Operand {
        public Previous {
            Objects.requireNonNull(of, "of is null");
            if (bars < 1) {
                throw new IllegalArgumentException("bars must be 1 or more (a later bar would look ahead), was " + bars);
            }
        }

        @Override
        public double[] values(BarContext context) {
            double[] values = of.values(context);
            double[] out = new double[values.length];
            Arrays.fill(out, 0, Math.min(bars, out.length), Double.NaN);
            if (bars < out.length) {
                System.arraycopy(values, 0, out, bars, out.length - bars);
            }
            return out;
        }

        @Override
        public double value(BarContext context, int bar) {
            return bar >= bars ? of.value(context, bar - bars) : Double.NaN;
        }

        @Override
        public String label() {
            String inner = of.label();
            return (inner.contains(" ") ? "(" + inner + ")" : inner) + "[" + bars + "]";
        }
    }

    /** The bars since {@code rule} last held: 0 on a bar where it holds, NaN before it first held. */
    record BarsSince(Rule rule) implements Operand {
        public BarsSince {
            Objects.requireNonNull(rule, "rule is null");
        }

        @Override
        public double[] values(BarContext context) {
            boolean[] held = rule.evaluate(context);
            double[] out = new double[held.length];
            double since = Double.NaN;
            for (int i = 0; i < out.length; i++) {
                since = held[i] ? 0 : since + 1;
                out[i] = since;
            }
            return out;
        }

        @Override
        public double value(BarContext context, int bar) {
            for (int back = 0; back <= bar; back++) {
                if (rule.holds(context, bar - back)) {
                    return back;
                }
            }
            return Double.NaN;
        }

        @Override
        public String label() {
            return "bars since (" + rule.describe() + ")";
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
