package io.barlake.analytics.catalogue;

import java.util.List;
import java.util.Locale;

/**
 * One function of the {@link TaCatalogue}, described as TA-Lib describes it: its name and group,
 * its inputs, parameters and outputs in TA-Lib's order (with TA-Lib's defaults and ranges), its
 * lookback, and how Barlake computes it (columns in, columns out; {@code NaN} where TA-Lib gives
 * no value).
 *
 * @param name    TA-Lib's name, e.g. {@code AROON}
 * @param group   TA-Lib's group, e.g. {@code Momentum Indicators}
 * @param inputs  the input columns in TA-Lib's order: {@code open}, {@code high}, {@code low},
 *                {@code close}, {@code volume} for prices, {@code real} (or {@code real0},
 *                {@code real1}) for any series
 */
public record TaFunction(String name, String group, List<String> inputs, List<Parameter> parameters, List<Output> outputs,
        Lookback lookback, Compute compute) {
    public TaFunction {
        inputs = List.copyOf(inputs);
        parameters = List.copyOf(parameters);
        outputs = List.copyOf(outputs);
    }

    /**
     * A parameter: its TA-Lib name without {@code optIn} (e.g. {@code TimePeriod}), its type,
     * default and accepted range.
     *
     * @param choices for a moving-average type, the {@code MAType} values Barlake computes
     */
    public record Parameter(String talibName, Type type, double defaultValue, double min, double max, List<Integer> choices) {
        /** An integer, a real number, or one of TA-Lib's moving-average types (0 = SMA … 8 = T3). */
        public enum Type {
            INTEGER, REAL, MA_TYPE
        }

        public Parameter {
            choices = List.copyOf(choices);
        }

        /** The name in snake case, e.g. {@code time_period}, {@code fast_k_period}, {@code ma_type}. */
        public String name() {
            return snakeCase(talibName);
        }

        /** What the parameter accepts, in words: {@code a whole number from 2 to 100000}. */
        public String allowed() {
            return switch (type) {
                case MA_TYPE -> "a moving-average type, one of " + choices + " (0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, "
                        + "6 KAMA, 7 MAMA, 8 T3)";
                case INTEGER -> "a whole number from " + (long) min + " to " + (long) max;
                case REAL -> "a number from " + number(min) + " to " + number(max);
            };
        }

        private static String number(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }

        /** Whether Barlake accepts the value: in range, whole for integers, among the choices for a moving-average type. */
        public boolean accepts(double value) {
            if (type == Type.MA_TYPE) {
                return value == Math.rint(value) && choices.contains((int) value);
            }
            return value >= min && value <= max && (type == Type.REAL || value == Math.rint(value));
        }
    }

    /** An output: its TA-Lib name without {@code out} (e.g. {@code AroonUp}) and whether it is an integer (an index, a flag). */
    public record Output(String talibName, boolean integer) {
        /** The name in snake case: {@code aroon_up}; {@code value} for TA-Lib's lone {@code Real} or {@code Integer}. */
        public String name() {
            if (talibName.equals("Real") || talibName.equals("Integer")) {
                return "value";
            }
            String name = talibName.startsWith("Real") ? talibName.substring("Real".length()) : talibName;
            return snakeCase(name);
        }
    }

    /** The number of bars before the first output, for these parameters (TA-Lib's {@code *_Lookback}). */
    @FunctionalInterface
    public interface Lookback {
        int of(double[] parameters);
    }

    /** The outputs, in {@link #outputs()} order, from the inputs in {@link #inputs()} order. */
    @FunctionalInterface
    public interface Compute {
        double[][] apply(double[][] inputs, double[] parameters);
    }

    /** TA-Lib's default parameters, in order. */
    public double[] defaults() {
        return parameters.stream().mapToDouble(Parameter::defaultValue).toArray();
    }

    /** The lookback for these parameters. */
    public int lookback(double[] values) {
        return lookback.of(values);
    }

    /**
     * Computes every output.
     *
     * @throws IllegalArgumentException naming the parameter, when one is missing or out of range
     */
    public double[][] compute(double[][] columns, double[] values) {
        if (columns.length != inputs.size()) {
            throw new IllegalArgumentException(name + " reads " + inputs.size() + " inputs " + inputs + ", got " + columns.length);
        }
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(name + " takes " + parameters.size() + " parameters "
                    + parameters.stream().map(Parameter::name).toList() + ", got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            Parameter parameter = parameters.get(i);
            if (!parameter.accepts(values[i])) {
                throw new IllegalArgumentException(name + " " + parameter.name() + " must be " + parameter.allowed() + ", was "
                        + values[i]);
            }
        }
        return compute.apply(columns, values);
    }

    /** {@code FastK_Period} → {@code fast_k_period}, {@code MAType} → {@code ma_type}, {@code MACDSignal} → {@code macd_signal}. */
    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(c) && (Character.isLowerCase(camel.charAt(i - 1))
                    || Character.isDigit(camel.charAt(i - 1))
                    || (i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1)) && Character.isUpperCase(camel.charAt(i - 1))));
            if (boundary && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
