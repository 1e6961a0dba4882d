package io.barlake.cli;

import io.barlake.lake.store.InvalidSettingException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code BARLAKE_LOG_LEVEL}, which the logging configuration reads as it is: Logback takes a word
 * it does not know for DEBUG, so an unknown one is refused here, before the command does anything.
 */
final class LogLevel {
    static final String SETTING = "BARLAKE_LOG_LEVEL";
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private LogLevel() {}

    static void check(Map<String, String> environment) {
        String value = environment.get(SETTING);
        if (value != null && !LEVELS.contains(value.strip().toUpperCase(Locale.ROOT))) {
            throw new InvalidSettingException(SETTING, value, "expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
        }
    }
}
