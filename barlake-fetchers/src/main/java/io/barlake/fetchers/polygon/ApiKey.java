package io.barlake.fetchers.polygon;

import static java.util.Objects.requireNonNull;

/**
 * The Polygon API key. It prints as {@code ApiKey[redacted]} so that it cannot reach a log line,
 * an exception or a report by accident; only the client reads the value, to put it in the
 * {@code Authorization} header (never in a URL).
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** Wraps a key; blank keys are refused without echoing them. */
    public static ApiKey of(String value) {
        requireNonNull(value, "value is null");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        if (trimmed.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the API key contains spaces or non-printable characters");
        }
        return new ApiKey(trimmed);
    }

    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
