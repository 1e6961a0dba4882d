package io.barlake.serving.http;

import io.barlake.lake.model.Timeframe;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks query parameters: each bad one is a 400 that names the parameter and what
 * was wrong, never an exception's text.
 */
public final class QueryParams {
    private static final int MAX_VALUE_LENGTH = 200;

    private final Map<String, String> query;

    public QueryParams(Map<String, String> query) {
        this.query = query;
        query.forEach((name, value) -> {
            if (value.length() > MAX_VALUE_LENGTH) {
                throw ApiException.badRequest("'" + Echo.of(name) + "' is longer than " + MAX_VALUE_LENGTH + " characters");
            }
        });
    }

    public Optional<String> text(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A ticker: letters, digits, '.' and '-', up to 10 characters, upper-cased. */
    public String symbol(String name) {
        String value = text(name).orElseThrow(() -> ApiException.badRequest("'" + name + "' is required"));
        return RequestValues.symbol(name, value);
    }

    public Optional<LocalDate> date(String name) {
        return text(name).map(value -> RequestValues.date(name, value));
    }

    public Timeframe timeframe(String name) {
        String value = text(name).orElse("1d");
        try {
            return Timeframe.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + name + "' must be one of 1d, 3d, 5d, 8d, 13d, 21d, 34d");
        }
    }

    public int limit(String name, int defaultValue, int max) {
        return text(name).map(value -> {
            try {
                int limit = Integer.parseInt(value);
                if (limit >= 1 && limit <= max) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw ApiException.badRequest("'" + name + "' must be a whole number from 1 to " + max);
        }).orElse(defaultValue);
    }

    public boolean bool(String name, boolean defaultValue) {
        return text(name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("'" + name + "' must be true or false");
        }).orElse(defaultValue);
    }
}
