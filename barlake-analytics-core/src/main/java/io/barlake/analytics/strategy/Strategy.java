package io.barlake.analytics.strategy;

import java.util.Objects;

/**
 * A long-only strategy in three steps: <b>setup</b> (is the context right at this bar),
 * <b>trigger</b> (the entry signal, which counts only when the setup holds) and <b>exit</b> (the
 * exit signal), plus optional protective {@link ExitRules}. At each bar's close it says BUY (setup
 * and trigger hold), SELL (exit holds) or HOLD, with an {@link Explanation} for every BUY and SELL.
 *
 * @param name        short identifier, e.g. {@code golden-cross}
 * @param description one paragraph for users: the rules in words
 */
public record Strategy(String name, String description, Rule setup, Rule trigger, Rule exit, ExitRules exitRules) {
    public Strategy {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(setup, "setup is null");
        Objects.requireNonNull(trigger, "trigger is null");
        Objects.requireNonNull(exit, "exit is null");
        Objects.requireNonNull(exitRules, "exitRules is null");
    }

    /** The signal at every bar of the context's series. */
    public StrategySignals signals(BarContext context) {
        boolean[] buy = trigger.evaluate(context);
        if (!(setup instanceof Rule.Always)) {
            boolean[] setupHolds = setup.evaluate(context);
            for (int i = 0; i < buy.length; i++) {
                buy[i] &= setupHolds[i];
            }
        }
        return new StrategySignals(this, context, buy, exit.evaluate(context));
    }
}
