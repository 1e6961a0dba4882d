package io.barlake.lake.bronze;

/**
 * A vendor response whose shape is wrong as a whole (not JSON, truncated, {@code results}
 * missing or of the wrong type): nothing in it can be trusted, so no record of it is accepted.
 */
public final class MalformedResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
