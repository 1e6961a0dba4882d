package io.barlake.lake.model;

/**
 * Thrown when a value does not satisfy the invariants of a lake record. The message is the
 * refusal reason that the consolidator writes to {@code silver/rejects}, so it names the field
 * and the offending value.
 */
public final class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
