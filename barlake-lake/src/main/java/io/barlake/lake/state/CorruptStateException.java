package io.barlake.lake.state;

/**
 * A state document ({@code _state/…}, {@code _runs/…}) that exists but is not what it should be:
 * not JSON, or not the document its name says. Trying again gives the same answer, so the state
 * machine never retries it (its class name is the task's error, which no {@code Retry} lists);
 * stages that can rebuild the document from the layer below catch it and do.
 */
public final class CorruptStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public CorruptStateException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The lake key of the document. */
    public String key() {
        return key;
    }
}
