package io.barlake.lake.batch;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a stage's worker threads: a task's failure reaches the caller as it was thrown. */
public final class Futures {
    private Futures() {}

    /**
     * The task's result once it is done. A runtime exception it threw is rethrown as it was (so the
     * stage fails with the error its own code chose); a checked one comes wrapped, and an interrupt
     * is kept and reported as {@code "Interrupted while " + doing}.
     */
    public static <T> T join(Future<T> future, String doing) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + doing, e);
        }
    }
}
