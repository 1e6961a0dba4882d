package io.barlake.analytics.portfolio;

import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.IndicatorSpec;
import io.barlake.analytics.strategy.Operand;
import java.util.List;

/**
 * Which entries come first when more signals fire than there are slots: an indicator's value at
 * the signal bar, highest first, or lowest first when written with a leading {@code -} (e.g.
 * {@code -rsi:14} buys the most oversold first). A short candidate's order is the reverse. The
 * default is momentum, {@code roc:20}.
 */
public record Rank(Operand.Indicator indicator, boolean lowestFirst) {
    /** 20-session rate of change, highest first. */
    public static final Rank MOMENTUM = new Rank(new Operand.Indicator("ROC", new double[] {20}, null, null), false);

    /** What {@link #parse} takes, for error messages. */
    public static final String SYNTAX = "one indicator as the indicators command writes it, e.g. roc:20, rsi:14 or natr:14;"
            + " a leading '-' ranks lowest first";

    public Rank {
        java.util.Objects.requireNonNull(indicator, "indicator is null");
    }

    /**
     * {@code [-]NAME[:P1[:P2…]]}.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public static Rank parse(String spec) {
        String text = spec.trim();
        boolean lowestFirst = text.startsWith("-");
        List<Operand.Indicator> indicators;
        try {
            indicators = IndicatorSpec.parse(lowestFirst ? text.substring(1) : text);
        } catch (IndicatorSpec.Problem e) {
            throw new IllegalArgumentException(e.getMessage() + "; " + SYNTAX, e);
        }
        if (indicators.size() != 1) {
            throw new IllegalArgumentException("rank by one indicator, not " + indicators.size() + "; " + SYNTAX);
        }
        return new Rank(indicators.get(0), lowestFirst);
    }

    /** Each bar's rank value: higher ranks first. */
    public double[] values(BarContext context) {
        double[] values = indicator.values(context);
        if (!lowestFirst) {
            return values;
        }
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }

    /** In words: "ROC(20), highest first". */
    public String describe() {
        return indicator.label() + (lowestFirst ? ", lowest first" : ", highest first");
    }
}
