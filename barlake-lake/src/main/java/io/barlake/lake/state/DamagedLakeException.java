package io.barlake.lake.state;

/**
 * An object of the lake is missing or damaged and the layer below cannot rebuild it (its source is
 * gone or damaged too). The message is one line naming the object and what will mend it. Trying
 * again gives the same answer, so the state machine never retries it.
 */
public final class DamagedLakeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DamagedLakeException(String message) {
        super(message);
    }
}
