package io.barlake.analytics.indicators;

import java.util.function.DoubleUnaryOperator;

/**
 * TA-Lib's math transforms (one value in, one out: ACOS … TANH) and math operators (ADD, SUB,
 * MULT, DIV of two series; SUM, and the index of the highest and lowest value over n). Each output
 * is computed as TA-Lib computes it, with {@link Math}'s functions. Warm-up positions are {@code NaN}.
 */
public final class MathFunctions {
    private MathFunctions() {}

    /** A math transform: TA-Lib's function of that name applied to each value. Lookback 0. */
    public enum Transform {
        ACOS(Math::acos), ASIN(Math::asin), ATAN(Math::atan), CEIL(Math::ceil), COS(Math::cos), COSH(Math::cosh),
        EXP(Math::exp), FLOOR(Math::floor), LN(Math::log), LOG10(Math::log10), SIN(Math::sin), SINH(Math::sinh),
        SQRT(Math::sqrt), TAN(Math::tan), TANH(Math::tanh);

        private final DoubleUnaryOperator function;

        Transform(DoubleUnaryOperator function) {
            this.function = function;
        }

        public double[] apply(double[] values) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = function.applyAsDouble(values[i]);
            }
            return out;
        }
    }

    /** A math operator on two series, value by value: TA-Lib's ADD, SUB, MULT, DIV. Lookback 0. */
    public enum Operator {
        ADD, SUB, MULT, DIV;

        public double[] apply(double[] left, double[] right) {
            Series.requireSameLength(left, right);
            double[] out = new double[left.length];
            switch (this) {
                case ADD -> {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = left[i] + right[i];
                    }
                }
                case SUB -> {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = left[i] - right[i];
                    }
                }
                case MULT -> {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = left[i] * right[i];
                    }
                }
                case DIV -> {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = left[i] / right[i];
                    }
                }
            }
            return out;
        }
    }

    /** Sum of the last n values, as a running total. Lookback n − 1. Source: TA-Lib {@code TA_SUM}. */
    public static double[] sum(double[] values, int period) {
        Series.requirePeriod("SUM", period, 1);
        int first = period - 1;
        double[] out = Series.withWarmUp(values.length, first);
        double total = 0;
        for (int i = 0; i < Math.min(first, values.length); i++) {
            total += values[i];
        }
        for (int i = first, trailing = 0; i < values.length; i++, trailing++) {
            total += values[i];
            out[i] = total;
            total -= values[trailing];
        }
        return out;
    }

    /**
     * The bar index of the highest value over the last n, as TA-Lib finds it: a new value equal to
     * the highest takes its place, while a search after the highest left the window keeps the
     * first of equal values. Lookback n − 1. Source: TA-Lib {@code TA_MAXINDEX}.
     */
    public static double[] maxIndex(double[] values, int period) {
        return extremeIndex(values, period, true);
    }

    /** The bar index of the lowest value over the last n, as {@link #maxIndex}. Source: TA-Lib {@code TA_MININDEX}. */
    public static double[] minIndex(double[] values, int period) {
        return extremeIndex(values, period, false);
    }

    private static double[] extremeIndex(double[] values, int period, boolean highest) {
        Series.requirePeriod(highest ? "MAXINDEX" : "MININDEX", period, 1);
        double[] out = Series.empty(values.length);
        int found = -1;
        double extreme = 0;
        for (int today = period - 1, trailing = 0; today < values.length; today++, trailing++) {
            double value = values[today];
            if (found < trailing) {
                found = trailing;
                extreme = values[found];
                for (int i = found + 1; i <= today; i++) {
                    if (highest ? values[i] > extreme : values[i] < extreme) {
                        found = i;
                        extreme = values[i];
                    }
                }
            } else if (highest ? value >= extreme : value <= extreme) {
                found = today;
                extreme = value;
            }
            out[today] = found;
        }
        return out;
    }
}
