package io.barlake.lake.model;

import java.util.regex.Pattern;

/**
 * Ticker symbol rules of the lake: a letter first, then up to nine letters, digits, dots or hyphens
 * ({@code ^[A-Za-z][A-Za-z0-9.\-]{0,9}$}), as DESIGN.md fixes them, kept exactly as the vendor
 * writes them. Case is part of the ticker: Massive writes preferred shares like {@code KIMpL}, and
 * {@code KIMPL} would be another symbol. Dotted share classes such as {@code BRK.B} are valid.
 * Lookups by a user go through {@link io.barlake.lake.read.SymbolLookup}: exact first, then
 * case-insensitive when that names one ticker.
 */
public final class Symbols {
    private static final Pattern VALID = Pattern.compile("^[A-Za-z][A-Za-z0-9.\\-]{0,9}$");

    private Symbols() {}

    /** A raw ticker without surrounding white space, its case kept, not validated. */
    public static String clean(String raw) {
        return raw == null ? null : raw.strip();
    }

    /**
     * True when the symbol is clean and matches the ticker pattern. A character loop
     * rather than the regex: every bar read or written is checked, millions per run.
     */
    public static boolean isValid(String symbol) {
        if (symbol == null || symbol.isEmpty() || symbol.length() > 10) {
            return false;
        }
        if (!isAsciiLetter(symbol.charAt(0))) {
            return false;
        }
        for (int i = 1; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
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
