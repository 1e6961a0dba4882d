package io.barlake.lake.read;

/** The lake holds no bars for the symbol, timeframe and dates asked for. */
public final class NoBarsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NoBarsException(String message) {
        super(message);
    }
}
