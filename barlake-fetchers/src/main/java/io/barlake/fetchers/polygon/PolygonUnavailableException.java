package io.barlake.fetchers.polygon;

/** The circuit breaker is open after repeated upstream failures: calls fail fast until it half-opens. */
public class PolygonUnavailableException extends PolygonException {
    private static final long serialVersionUID = 1L;

    public PolygonUnavailableException(String message) {
        super(message);
    }

    public PolygonUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
