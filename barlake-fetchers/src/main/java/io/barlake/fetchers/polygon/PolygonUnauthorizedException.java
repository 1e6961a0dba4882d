package io.barlake.fetchers.polygon;

/** Polygon refused the key (HTTP 401/403). Not retried: check MASSIVE_API_KEY (or POLYGON_API_KEY) and that your plan covers the data. */
public class PolygonUnauthorizedException extends PolygonException {
    private static final long serialVersionUID = 1L;

    public PolygonUnauthorizedException(String message) {
        super(message);
    }

    public PolygonUnauthorizedException(String message, Throwable cause) {
        super(message, cause);
    }
}
