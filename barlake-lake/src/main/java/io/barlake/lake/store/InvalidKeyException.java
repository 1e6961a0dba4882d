package io.barlake.lake.store;

/** A key or prefix that is not allowed in the lake (it could escape it, or is malformed). */
public final class InvalidKeyException extends ObjectStoreException {
    private static final long serialVersionUID = 1L;

    public InvalidKeyException(String message) {
        super(message);
    }
}
