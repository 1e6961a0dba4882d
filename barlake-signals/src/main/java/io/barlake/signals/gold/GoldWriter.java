package io.barlake.signals.gold;

import io.barlake.lake.batch.Futures;
import io.barlake.lake.batch.WorkerThreads;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a gold dataset's sessions on {@value #THREADS} threads while the pass computes the next
 * ones, at most {@value #IN_FLIGHT} waiting; the first failure is rethrown as it was. Writing a
 * session (Parquet and ZSTD, a durable write) costs more than computing it.
 */
public final class GoldWriter implements AutoCloseable {
    private static final int THREADS = 4;
    private static final int IN_FLIGHT = 8;
    private final String what;
    private final ExecutorService thread;
    private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();

    /** @param what the dataset, for the failure's message and the threads' name */
    public GoldWriter(String what) {
        this.what = what;
        this.thread = Executors.newFixedThreadPool(THREADS, WorkerThreads.named(what + "-writer"));
    }

    public void submit(Runnable write) {
        while (pending.size() >= IN_FLIGHT) {
            await(pending.removeFirst());
        }
        pending.addLast(thread.submit(write));
    }

    /** Waits for every write submitted. */
    public void finish() {
        while (!pending.isEmpty()) {
            await(pending.removeFirst());
        }
    }

    private void await(Future<?> future) {
        Futures.join(future, "writing " + what);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
