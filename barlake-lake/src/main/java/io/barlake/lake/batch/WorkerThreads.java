package io.barlake.lake.batch;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for a stage's helpers (readers, writers, renewers): named for thread dumps and logs, and
 * daemons, so a helper left waiting never keeps a finished command or job's JVM alive.
 */
public final class WorkerThreads {
    private WorkerThreads() {}

    /** A factory of daemon threads called {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
