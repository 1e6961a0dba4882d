package io.barlake.serving.http;

import io.barlake.analytics.strategy.StrategyConfigException;
import io.barlake.lake.model.Symbols;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The values a request may carry in the query or the body, checked the same way wherever they
 * come: each bad one is a 400 naming the field, never an exception's or a parser's text.
 */
public final class RequestValues {
    /** The dates a request may name; the lake holds nothing outside them, and date arithmetic stays far from overflow. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Checked before any case folding, so {@code aß} never becomes {@code ASS} and only ASCII gets through. */
    private static final Pattern TICKER = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-]{0,9}");

    private RequestValues() {}

    public static LocalDate date(String field, String value) {
        LocalDate date;
        try {
            if (!ISO_DATE.matcher(value).matches()) {
                throw new DateTimeParseException("not ISO", value, 0);
            }
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + Echo.of(field) + "' is not a date (YYYY-MM-DD)");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw ApiException.badRequest("'" + Echo.of(field) + "' must be between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }

    /** A ticker: letters, digits, '.' and '-', up to 10 ASCII characters, a letter first; upper-cased. */
    public static String symbol(String field, String value) {
        String stripped = value == null ? "" : value.strip();
        if (!TICKER.matcher(stripped).matches()) {
            throw ApiException.badRequest("'" + Echo.of(field) + "' is not a ticker: letters, digits, '.' and '-', up to 10 characters");
        }
        return Symbols.clean(stripped);
    }

    /**
     * A composite strategy's or condition's problems as a 400's details, each under {@code prefix}:
     * the path and what is wrong, clipped, and without the JSON parser's own words.
     */
    public static ApiException problems(String code, String what, String prefix, StrategyConfigException e) {
        List<String> problems = e.problems().stream()
                .map(problem -> Echo.of(prefix + problem.toString().replaceAll("not valid JSON \\(.*\\)$", "not valid JSON"), 300))
                .toList();
        return new ApiException(400, code, what + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems"),
                problems, java.util.Map.of());
    }
}
