package io.barlake.fetchers.polygon;

/** The vendor has nothing under the id asked for (HTTP 404): no ticker events for a ticker, for one. */
public class PolygonNotFoundException extends PolygonException {
    private static final long serialVersionUID = 1L;

    public PolygonNotFoundException(String message) {
        super(message);
    }
}
