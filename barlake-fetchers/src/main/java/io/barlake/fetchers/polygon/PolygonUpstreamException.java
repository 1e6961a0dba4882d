package io.barlake.fetchers.polygon;

/** Polygon failed or could not be reached: HTTP 5xx, a timeout or a broken connection. */
public class PolygonUpstreamException extends RetryablePolygonException {
    private static final long serialVersionUID = 1L;

    public PolygonUpstreamException(String message) {
        super(message);
    }

    public PolygonUpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
