package io.barlake.lake.store;

/**
 * Reads a whole-number setting in a range. Unset, it takes its default; anything else that is not
 * a whole number in range (blank, a fraction, a word, out of range) is an
 * {@link InvalidSettingException} naming the setting and what it expects, as a blank
 * {@code BARLAKE_LAKE} is.
 */
public final class WholeNumberSetting {
    private WholeNumberSetting() {}

    /**
     * @param value    the setting's text, or null when unset (the only case the default is for)
     * @param expected how a person would say what is wanted, e.g. "a whole number of days, 0 to turn vacuum off"
     */
    public static long parse(String name, String value, long defaultValue, long min, long max, String expected) {
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidSettingException(name, value, "expected " + expected);
    }
}
