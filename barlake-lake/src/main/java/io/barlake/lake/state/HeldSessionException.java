package io.barlake.lake.state;

/**
 * The quality gate held a session out of silver ({@link QualityReport#held()}): the run fails with
 * one line naming it, so the failure alert goes out, and trying again only holds it again until the
 * vendor's data is re-fetched or the gate's limit is raised.
 */
public final class HeldSessionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HeldSessionException(String message) {
        super(message);
    }
}
