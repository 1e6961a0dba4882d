package io.barlake.consolidator;

import io.barlake.lake.batch.WorkerThreads;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads items on worker threads ahead of a consumer that takes them strictly in order: bronze
 * sessions are gunzipped, hashed and parsed by the workers while the consolidator merges and writes
 * the ones before. At most {@code window} results wait at a time, so memory stays bounded; the
 * consumer applies every side effect itself, in order, so the outcome is the sequential one.
 */
final class ReadAhead<K, V> implements AutoCloseable {
    private final Iterator<K> keys;
    private final Function<K, V> read;
    private final int window;
    private final ExecutorService workers;
    private final Deque<Pending<K, V>> pending = new ArrayDeque<>();

    private record Pending<K, V>(K key, Future<V> result) {}

    ReadAhead(List<K> keys, Function<K, V> read, int threads, int window) {
        this.keys = List.copyOf(keys).iterator();
        this.read = read;
        this.window = window;
        this.workers = Executors.newFixedThreadPool(threads, WorkerThreads.named("consolidator-read"));
        fill();
    }

    /** The next key's result; {@code expected} must be that key (a check that consumer and reader agree on the order). */
    V next(K expected) {
        Pending<K, V> next = pending.poll();
        if (next == null) {
            throw new NoSuchElementException("nothing left to read, asked for " + expected);
        }
        if (!next.key().equals(expected)) {
            throw new IllegalStateException("read ahead " + next.key() + " but the consolidator asked for " + expected);
        }
        fill();
        return await(next.result(), "reading " + expected);
    }

    /** The task's result; its own exception when it failed (a checked one wrapped, naming {@code what}). */
    static <T> T await(Future<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    private void fill() {
        while (pending.size() < window && keys.hasNext()) {
            K key = keys.next();
            pending.add(new Pending<>(key, workers.submit(() -> read.apply(key))));
        }
    }

    @Override
    public void close() {
        pending.forEach(waiting -> waiting.result().cancel(true));
        workers.shutdownNow();
    }
}
