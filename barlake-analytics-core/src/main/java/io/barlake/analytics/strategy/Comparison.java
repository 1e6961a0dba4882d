package io.barlake.analytics.strategy;

/** How a rule compares two operands at a bar; the crosses also look at the bar before. */
public enum Comparison {
    GT(">"), LT("<"), GTE(">="), LTE("<="), CROSS_ABOVE("crosses above"), CROSS_BELOW("crosses below");

    private final String text;

    Comparison(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * Whether it holds at each bar; never where a value it needs is {@code NaN} (warm-up): every
     * comparison with {@code NaN} is false. One loop per kind, so the choice is not made per bar. A
     * cross is rare and indicator series are smooth, so its test is a well-predicted branch that
     * writes only the crossing bars.
     */
    boolean[] evaluate(double[] left, double[] right) {
        int n = left.length;
        boolean[] out = new boolean[n];
        switch (this) {
            case GT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = left[i] > right[i];
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = left[i] < right[i];
                }
            }
            case GTE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = left[i] >= right[i];
                }
            }
            case LTE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = left[i] <= right[i];
                }
            }
            case CROSS_ABOVE -> {
                for (int i = 1; i < n; i++) {
                    if (left[i] > right[i] && left[i - 1] <= right[i - 1]) {
                        out[i] = true;
                    }
                }
            }
            case CROSS_BELOW -> {
                for (int i = 1; i < n; i++) {
                    if (left[i] < right[i] && left[i - 1] >= right[i - 1]) {
                        out[i] = true;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether it holds at {@code bar}: {@link #evaluate} read at that bar only, each operand read
     * there (and at the bar before, for a cross) rather than over the whole series.
     */
    boolean holds(Operand left, Operand right, BarContext context, int bar) {
        double l = left.value(context, bar);
        double r = right.value(context, bar);
        return switch (this) {
            case GT -> l > r;
            case LT -> l < r;
            case GTE -> l >= r;
            case LTE -> l <= r;
            case CROSS_ABOVE -> bar > 0 && l > r && left.value(context, bar - 1) <= right.value(context, bar - 1);
            case CROSS_BELOW -> bar > 0 && l < r && left.value(context, bar - 1) >= right.value(context, bar - 1);
        };
    }
}
