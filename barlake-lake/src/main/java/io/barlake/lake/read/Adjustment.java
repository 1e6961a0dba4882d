package io.barlake.lake.read;

/**
 * How daily prices are read. Silver keeps them raw; every read adjusts as of the latest session in
 * silver.
 *
 * <ul>
 *   <li>{@link #RAW}: as traded.</li>
 *   <li>{@link #SPLIT} (the default): prices divided, volumes multiplied, by the product of the
 *       confirmed splits executed after the bar and on or before the as-of date.</li>
 *   <li>{@link #TOTAL_RETURN}: split-adjusted, then multiplied by {@code 1 - D / C} for every cash
 *       dividend after the bar (ex-date on or before the as-of date), where {@code D} is the
 *       dividend in today's share basis and {@code C} the split-adjusted close of the session before
 *       the ex-date: dividends reinvested, the CRSP and Yahoo convention. Volumes as {@link #SPLIT}.</li>
 * </ul>
 * N-session bars are stored split-adjusted: only {@link #SPLIT} reads them.
 */
public enum Adjustment {
    RAW, SPLIT, TOTAL_RETURN;

    /** {@code raw}, {@code split} or {@code total_return}. */
    public String label() {
        return Labels.of(this);
    }

    /** The mode a label names; the setting's name goes into the error. */
    public static Adjustment parse(String setting, String label) {
        return Labels.parse(Adjustment.class, setting, label);
    }
}
