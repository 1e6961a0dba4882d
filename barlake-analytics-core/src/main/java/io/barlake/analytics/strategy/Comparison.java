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

    /** Whether it holds at bar {@code i}; never when a value it needs is {@code NaN} (warm-up). */
    boolean holds(double[] left, double[] right, int i) {
        double l = left[i];
        double r = right[i];
        if (Double.isNaN(l) || Double.isNaN(r)) {
            return false;
        }
        return switch (this) {
            case GT -> l > r;
            case LT -> l < r;
            case GTE -> l >= r;
            case LTE -> l <= r;
            case CROSS_ABOVE -> i > 0 && l > r && left[i - 1] <= right[i - 1];
            case CROSS_BELOW -> i > 0 && l < r && left[i - 1] >= right[i - 1];
        };
    }
}
