package io.barlake.lake.read;

import io.barlake.lake.store.InvalidSettingException;
import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a label names; the setting's name goes into the error. */
    public static Adjustment parse(String setting, String label) {
        for (Adjustment adjustment : values()) {
            if (adjustment.label().equals(label == null ? "" : label.strip().toLowerCase(Locale.ROOT))) {
                return adjustment;
            }
        }
        throw new InvalidSettingException(setting, label, "expected raw, split or total_return");
    }
}
