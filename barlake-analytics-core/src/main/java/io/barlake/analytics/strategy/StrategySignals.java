package io.barlake.analytics.strategy;

/** A strategy's signal at every bar of a series, with explanations computed on demand. */
public final class StrategySignals {
    private final Strategy strategy;
    private final BarContext context;
    private final Signal[] signals;

    StrategySignals(Strategy strategy, BarContext context, Signal[] signals) {
        this.strategy = strategy;
        this.context = context;
        this.signals = signals;
    }

    public int size() {
        return signals.length;
    }

    public Signal at(int bar) {
        return signals[bar];
    }

    public Explanation explain(int bar) {
        return strategy.explain(context, signals[bar], bar);
    }

    public Strategy strategy() {
        return strategy;
    }
}
