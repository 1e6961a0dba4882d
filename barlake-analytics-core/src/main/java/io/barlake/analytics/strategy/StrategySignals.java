package io.barlake.analytics.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy's signal at every bar of a series, with explanations computed on demand; the rule
 * sentences are built once per series, however many signals are explained. The signals are
 * either computed for every bar at once ({@link Strategy#signals}) or each when first asked
 * ({@link Strategy#signalsOnDemand}); both say the same at every bar.
 */
public final class StrategySignals {
    private static final Signal[] SIGNALS = Signal.values();
    private final Strategy strategy;
    private final BarContext context;
    /** Null when on demand. */
    private final boolean[] buy;
    /** Null when on demand. */
    private final boolean[] sell;
    /** On demand: each bar's signal once asked, as its ordinal + 1 (0: not asked yet). */
    private final byte[] asked;
    private final Readings[] readings = new Readings[Signal.values().length];
    private String buyRule;
    private String sellRule;

    /** {@code buy}: setup and trigger hold; {@code sell}: the exit holds (BUY wins where both do). */
    StrategySignals(Strategy strategy, BarContext context, boolean[] buy, boolean[] sell) {
        this.strategy = strategy;
        this.context = context;
        this.buy = buy;
        this.sell = sell;
        this.asked = null;
    }

    /** Each bar's signal evaluated when first asked. */
    StrategySignals(Strategy strategy, BarContext context) {
        this.strategy = strategy;
        this.context = context;
        this.buy = null;
        this.sell = null;
        this.asked = new byte[context.bars().size()];
    }

    public int size() {
        return buy != null ? buy.length : asked.length;
    }

    public Signal at(int bar) {
        if (buy != null) {
            return buy[bar] ? Signal.BUY : sell[bar] ? Signal.SELL : Signal.HOLD;
        }
        if (asked[bar] == 0) {
            Signal signal = strategy.buysAt(context, bar) ? Signal.BUY : strategy.exitsAt(context, bar) ? Signal.SELL : Signal.HOLD;
            asked[bar] = (byte) (signal.ordinal() + 1);
        }
        return SIGNALS[asked[bar] - 1];
    }

    /** The first bar at or after {@code from} whose signal is BUY; {@link #size()} if none. */
    public int nextBuy(int from) {
        int bar = from;
        if (buy == null) {
            while (bar < size() && at(bar) != Signal.BUY) {
                bar++;
            }
            return bar;
        }
        while (bar < buy.length && !buy[bar]) {
            bar++;
        }
        return bar;
    }

    /** The first bar at or after {@code from} whose signal is SELL; {@link #size()} if none. */
    public int nextSell(int from) {
        int bar = from;
        if (buy == null) {
            while (bar < size() && at(bar) != Signal.SELL) {
                bar++;
            }
            return bar;
        }
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
