package io.barlake.fetchers.source;

/** A source has no data for a session it was asked for (a flat file that is not there). */
public final class SessionUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionUnavailableException(String message) {
        super(message);
    }
}
