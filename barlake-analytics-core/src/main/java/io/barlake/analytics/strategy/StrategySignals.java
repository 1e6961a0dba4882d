package io.barlake.analytics.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy's signal at every bar of a series, with explanations computed on demand; the rule
 * sentences are built once per series, however many signals are explained.
 */
public final class StrategySignals {
    private final Strategy strategy;
    private final BarContext context;
    private final boolean[] buy;
    private final boolean[] sell;
    private final Readings[] readings = new Readings[Signal.values().length];
    private String buyRule;
    private String sellRule;

    /** {@code buy}: setup and trigger hold; {@code sell}: the exit holds (BUY wins where both do). */
    StrategySignals(Strategy strategy, BarContext context, boolean[] buy, boolean[] sell) {
        this.strategy = strategy;
        this.context = context;
        this.buy = buy;
        this.sell = sell;
    }

    public int size() {
        return buy.length;
    }

    public Signal at(int bar) {
        return buy[bar] ? Signal.BUY : sell[bar] ? Signal.SELL : Signal.HOLD;
    }

    /** The first bar at or after {@code from} whose signal is BUY; {@link #size()} if none. */
    public int nextBuy(int from) {
        int bar = from;
        while (bar < buy.length && !buy[bar]) {
            bar++;
        }
        return bar;
    }

    /** The first bar at or after {@code from} whose signal is SELL; {@link #size()} if none. */
    public int nextSell(int from) {
        int bar = from;
        while (bar < sell.length && !(sell[bar] && !buy[bar])) {
            bar++;
        }
        return bar;
    }

    /** Why the signal at {@code bar} is what it is: the step, the rule and the values it read there. */
    public Explanation explain(int bar) {
        Signal signal = at(bar);
        Readings readings = readings(signal);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < readings.labels().size(); i++) {
            values.put(readings.labels().get(i), readings.value(i, bar));
        }
        String step = switch (signal) {
            case BUY -> "trigger";
            case SELL -> "exit";
            case HOLD -> "hold";
        };
        return new Explanation(step, rule(signal), values);
    }

    /** The rule behind a signal as a sentence ({@link Strategy#rule}). */
    public String rule(Signal signal) {
        return switch (signal) {
            case BUY -> buyRule != null ? buyRule : (buyRule = strategy.rule(signal));
            case SELL -> sellRule != null ? sellRule : (sellRule = strategy.rule(signal));
            case HOLD -> strategy.rule(signal);
        };
    }

    /**
     * The values {@link #explain} reads at a bar whose signal is {@code signal}, as columns over
     * the series: those of {@link Strategy#operands}.
     */
    public Readings readings(Signal signal) {
        int which = signal.ordinal();
        if (readings[which] == null) {
            List<Operand> operands = strategy.operands(signal);
            double[][] columns = new double[operands.size()][];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = operands.get(i).values(context);
            }
            readings[which] = new Readings(operands.stream().map(Operand::label).toList(), columns);
        }
        return readings[which];
    }

    /**
     * The labelled values an explanation reads, one column per label over every bar of the series.
     *
     * @param labels  in the order the rules read them
     * @param columns one per label, indexed by bar
     */
    public record Readings(List<String> labels, double[][] columns) {
        /** The value of label {@code label} (by position) at {@code bar}. */
        public double value(int label, int bar) {
            return columns[label][bar];
        }
    }

    public Strategy strategy() {
        return strategy;
    }
}
