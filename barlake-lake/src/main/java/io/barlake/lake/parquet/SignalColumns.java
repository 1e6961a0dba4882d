package io.barlake.lake.parquet;

import io.barlake.lake.model.SignalPick;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One session's ranked picks as columns, in rank order: the content of {@code
 * gold/signals/date=D/signals.parquet} ({@link SignalPick} row by row). A history of picks is
 * written from columns because it holds tens of millions of rows; a single scan's list of picks
 * is turned into columns by {@link #of}, so both write the same bytes for the same picks.
 */
public record SignalColumns(int[] sessions, int[] ranks, String[] symbols, String[] strategies, String[] signals, double[] scores,
        String[] timeframes, String[] explanations, String[] values) {
    public SignalColumns {
        int[] lengths = {sessions.length, ranks.length, symbols.length, strategies.length, signals.length, scores.length,
            timeframes.length, explanations.length, values.length};
        if (Arrays.stream(lengths).distinct().count() > 1) {
            throw new IllegalArgumentException("Signal columns differ in length: " + Arrays.toString(lengths));
        }
    }

    /** Empty columns for {@code size} picks, to be filled by index. */
    public static SignalColumns ofSize(int size) {
        return new SignalColumns(new int[size], new int[size], new String[size], new String[size], new String[size],
                new double[size], new String[size], new String[size], new String[size]);
    }

    /** The picks, in the order given, as columns. */
    public static SignalColumns of(List<SignalPick> picks) {
        SignalColumns columns = ofSize(picks.size());
        for (int i = 0; i < picks.size(); i++) {
            SignalPick pick = picks.get(i);
            columns.set(i, pick.session(), pick.rank(), pick.symbol(), pick.strategy(), pick.signal(), pick.score(), pick.timeframes(),
                    pick.explanation(), pick.values());
        }
        return columns;
    }

    public int size() {
        return ranks.length;
    }

    /** Sets row {@code i}; see {@link SignalPick} for what each value is. */
    public void set(int i, LocalDate session, int rank, String symbol, String strategy, String signal, double score, String timeframes,
            String explanation, String values) {
        sessions[i] = (int) session.toEpochDay();
        ranks[i] = rank;
        symbols[i] = symbol;
        strategies[i] = strategy;
        signals[i] = signal;
        scores[i] = score;
        this.timeframes[i] = timeframes;
        explanations[i] = explanation;
        this.values[i] = values;
    }

    /** Row {@code i} as a pick. */
    public SignalPick pick(int i) {
        return new SignalPick(LocalDate.ofEpochDay(sessions[i]), ranks[i], symbols[i], strategies[i], signals[i], scores[i],
                timeframes[i], explanations[i], values[i]);
    }
}
