package io.barlake.lake.store;

/**
 * A setting (environment variable or flag) that is missing or malformed. The message is one line
 * naming the setting, the value (never for secrets) and what is wrong.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String setting, String value, String problem) {
        super("Invalid " + setting + (value == null ? "" : " '" + value + "'") + ": " + problem);
    }
}
