package io.barlake.consolidator;

import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Split;
import java.util.List;
import java.util.Locale;

/**
 * Whether the prices around a split's execution date show it. The observed ratio is the last close
 * before the date over the first open on or after it, each within {@value #WINDOW} sessions; it
 * confirms a split of ratio {@code r} (new shares per old) when
 * {@code |ln(observed / r)| <= min(ln 1.25, |ln r| / 2)}: within 25 %, and always nearer the split
 * than no split at all (so a 5 % stock dividend needs a gap within 2.5 % of 1.05).
 */
public final class SplitCheck {
    /** Sessions looked at on each side of the execution date. */
    static final int WINDOW = 10;
    private static final double MAX_TOLERANCE = Math.log(1.25);

    /** What the prices say of one split. */
    public enum Status {
        /** The prices show it: reads adjust by it. */
        CONFIRMED,
        /** The prices contradict it, or cannot show it: kept in the rejects with the reason, adjusts nothing. */
        UNCONFIRMED,
        /** Another record of the same split, which the prices confirm on another date. */
        DUPLICATE,
        /** The execution date is after the latest session in silver: checked again when it arrives. */
        PENDING,
        /** The date is on or before the lake's first session: no bar to adjust, checked again if history grows. */
        BEFORE_HISTORY,
        /** The symbol has no bars around the date in the lake: nothing to adjust, nothing to check. */
        NOT_TRADED
    }

    /**
     * One split's verdict.
     *
     * @param observed the price ratio seen, NaN when there was none
     */
    record Verdict(Status status, double observed, String reason) {}

    private SplitCheck() {}

    /** The tolerance on {@code |ln(observed / ratio)|} for a split of that ratio. */
    static double tolerance(double ratio) {
        return Math.min(MAX_TOLERANCE, Math.abs(Math.log(ratio)) / 2);
    }

    /**
     * Judges {@code split} on the symbol's bars before its date ({@code before}, oldest first) and on
     * or after it ({@code after}), both already limited to the window.
     */
    static Verdict judge(Split split, List<DailyBar> before, List<DailyBar> after) {
        if (before.isEmpty() && after.isEmpty()) {
            return new Verdict(Status.NOT_TRADED, Double.NaN, "no bars of " + split.symbol() + " within " + WINDOW
                    + " sessions of " + split.executionDate() + ": nothing to adjust");
        }
        if (before.isEmpty() || after.isEmpty()) {
            return new Verdict(Status.UNCONFIRMED, Double.NaN, "no bar of " + split.symbol() + " within " + WINDOW + " sessions "
                    + (before.isEmpty() ? "before " : "on or after ") + split.executionDate() + " to check " + describe(split)
                    + " against");
        }
        DailyBar last = before.get(before.size() - 1);
        DailyBar first = after.get(0);
        double observed = last.close() / first.open();
        double ratio = split.factor();
        if (Math.abs(Math.log(observed / ratio)) <= tolerance(ratio)) {
            return new Verdict(Status.CONFIRMED, observed, String.format(Locale.ROOT, "prices moved ×%.4f from %s to %s",
                    observed, last.date(), first.date()));
        }
        return new Verdict(Status.UNCONFIRMED, observed, String.format(Locale.ROOT,
                "prices moved ×%.4f from the close of %s to the open of %s, not ×%s as %s would (tolerance ±%.1f%%)",
                observed, last.date(), first.date(), number(ratio), describe(split), (Math.exp(tolerance(ratio)) - 1) * 100));
    }

    /** {@code 10-for-1 on 2022-06-29}, {@code 1-for-10 on …} for a reverse split. */
    static String describe(Split split) {
        return number(split.splitTo()) + "-for-" + number(split.splitFrom()) + " on " + split.executionDate();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4f", value);
    }
}
