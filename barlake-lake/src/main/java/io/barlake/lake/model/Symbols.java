package io.barlake.lake.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ticker symbol rules of the lake: upper case, a letter first, then up to nine letters, digits,
 * dots or hyphens ({@code ^[A-Z][A-Z0-9.\-]{0,9}$}), as DESIGN.md fixes them. Dotted share
 * classes such as {@code BRK.B} are valid.
 */
public final class Symbols {
    private static final Pattern VALID = Pattern.compile("^[A-Z][A-Z0-9.\\-]{0,9}$");

    private Symbols() {}

    /** Upper-cases a raw ticker as received from a vendor, without validating it. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * True when the symbol is already normalized and matches the ticker pattern. A character loop
     * rather than the regex: every bar read or written is checked, millions per run.
     */
    public static boolean isValid(String symbol) {
        if (symbol == null || symbol.isEmpty() || symbol.length() > 10) {
            return false;
        }
        char first = symbol.charAt(0);
        if (first < 'A' || first > 'Z') {
            return false;
        }
        for (int i = 1; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Returns the symbol unchanged, or throws naming it when it is not a valid ticker. */
    public static String requireValid(String symbol) {
        if (!isValid(symbol)) {
            throw new InvalidRecordException("symbol '" + symbol + "' is not a valid ticker (expected "
                    + VALID.pattern() + ")");
        }
        return symbol;
    }
}
