package io.barlake.fetchers.polygon;

/** The data asked for does not exist yet: a future session, or today's before the close. */
public class PolygonNotYetAvailableException extends PolygonException {
    private static final long serialVersionUID = 1L;

    public PolygonNotYetAvailableException(String message) {
        super(message);
    }

    public PolygonNotYetAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
