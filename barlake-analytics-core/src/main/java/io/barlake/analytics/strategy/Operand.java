package io.barlake.analytics.strategy;

import java.util.Arrays;
import java.util.Objects;

/** A per-bar number a rule compares: an indicator output, a price column or a constant. */
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

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
