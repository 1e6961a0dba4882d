package io.barlake.resampler;

import io.barlake.lake.batch.Futures;
import io.barlake.lake.batch.WorkerThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the aggregate-and-write tasks of prepared years on worker threads, one task per (year,
 * timeframe), while the calling thread reads and prepares the next year: encoding and compressing
 * Parquet costs as much as reading and aggregating, so on two cores the halves overlap. One year is
 * in the workers' hands at a time (a year is handed over once the one before is written), so at
 * most two years' windows are alive; the first failure is rethrown as it was.
 */
final class YearWriters<T> implements AutoCloseable {
    private final ExecutorService pool = Executors.newFixedThreadPool(
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), WorkerThreads.named("resampler-writer"));
    private final List<T> done = new ArrayList<>();
    private List<Future<T>> inFlight = List.of();

    /** Waits for the year in the workers' hands, then hands them this one's tasks. */
    void submit(List<Callable<T>> year) {
        await(inFlight);
        inFlight = year.stream().map(pool::submit).toList();
    }

    /** Every task's result, in the order submitted, once the last year is written. */
    List<T> finish() {
        await(inFlight);
        inFlight = List.of();
        return done;
    }

    private void await(List<Future<T>> futures) {
        for (Future<T> future : futures) {
            done.add(Futures.join(future, "writing resampled years"));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
