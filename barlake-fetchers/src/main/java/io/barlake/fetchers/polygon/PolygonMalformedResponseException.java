package io.barlake.fetchers.polygon;

/** Polygon answered with something that is not the documented response (invalid or truncated JSON, {@code results} missing or of the wrong type). Not retried. */
public class PolygonMalformedResponseException extends PolygonException {
    private static final long serialVersionUID = 1L;

    public PolygonMalformedResponseException(String message) {
        super(message);
    }

    public PolygonMalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
