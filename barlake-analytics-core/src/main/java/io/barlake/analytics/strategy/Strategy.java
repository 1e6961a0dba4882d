package io.barlake.analytics.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The signal at each bar of the context's series, each evaluated when first asked: what a scan
     * reading a few bars needs. The same signals as {@link #signals}, without computing the rules
     * over the whole series, nor an indicator that only rules not reached at those bars read (the
     * setup is read only where the trigger holds, the exit only where no BUY is).
     */
    public StrategySignals signalsOnDemand(BarContext context) {
        return new StrategySignals(this, context);
    }

    /** Whether the signal at {@code bar} is BUY: the trigger holds, and the setup with it. */
    boolean buysAt(BarContext context, int bar) {
        return trigger.holds(context, bar) && setup.holds(context, bar);
    }

    /** Whether the exit holds at {@code bar} (the signal is SELL unless it is BUY). */
    boolean exitsAt(BarContext context, int bar) {
        return exit.holds(context, bar);
    }

    /**
     * The rule behind a signal as a sentence: the trigger (with its setup) for BUY, the exit for
     * SELL, {@code no rule fired} for HOLD.
     */
    public String rule(Signal signal) {
        return switch (signal) {
            case BUY -> setup instanceof Rule.Always ? trigger.describe() : trigger.describe() + " (setup: " + setup.describe() + ")";
            case SELL -> exit.describe();
            case HOLD -> "no rule fired";
        };
    }

    /**
     * The operands whose values explain a signal, in the order the rules read them: for BUY the
     * setup's and the trigger's, for SELL the exit's, for HOLD all three (why nothing fired). A
     * label read twice keeps its first place and its last operand.
     */
    public List<Operand> operands(Signal signal) {
        List<Operand> read = new ArrayList<>();
        if (signal != Signal.SELL) {
            setup.operands(read);
            trigger.operands(read);
        }
        if (signal != Signal.BUY) {
            exit.operands(read);
        }
        Map<String, Operand> byLabel = new LinkedHashMap<>();
        read.forEach(operand -> byLabel.put(operand.label(), operand));
        return List.copyOf(byLabel.values());
    }
}
