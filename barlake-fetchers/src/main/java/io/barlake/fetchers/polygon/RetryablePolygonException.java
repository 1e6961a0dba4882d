package io.barlake.fetchers.polygon;

/** A failure that may pass when tried again later: the client retries it with backoff, and so may the state machine. */
public class RetryablePolygonException extends PolygonException {
    private static final long serialVersionUID = 1L;

    public RetryablePolygonException(String message) {
        super(message);
    }

    public RetryablePolygonException(String message, Throwable cause) {
        super(message, cause);
    }
}
