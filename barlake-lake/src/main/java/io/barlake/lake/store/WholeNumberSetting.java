package io.barlake.lake.store;

/**
 * Reads a whole-number setting in a range: anything else, a fraction, a word or a number out of
 * range, is an {@link InvalidSettingException} naming the setting and what it expects.
 */
public final class WholeNumberSetting {
    private WholeNumberSetting() {}

    /**
     * @param value    the setting's text, or null when unset
     * @param expected how a person would say what is wanted, e.g. "a whole number of days, 0 to turn vacuum off"
     */
    public static long parse(String name, String value, long defaultValue, long min, long max, String expected) {
        if (value == null || value.isBlank()) {
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
