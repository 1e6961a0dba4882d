package io.barlake.fetchers.polygon;

/**
 * A Polygon request failed. The message names the endpoint and the date or symbol asked for,
 * never the key. Subclasses are the error names the state machine retries or catches on.
 */
public class PolygonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolygonException(String message) {
        super(message);
    }

    public PolygonException(String message, Throwable cause) {
        super(message, cause);
    }
}
