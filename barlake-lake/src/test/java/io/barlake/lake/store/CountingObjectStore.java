package io.barlake.lake.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps a store and counts reads (bytes, requests) and writes: to prove reads are partial, and to count objects written. */
public final class CountingObjectStore implements ObjectStore {
    private final ObjectStore delegate;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong readRequests = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    public CountingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    public long readRequests() {
        return readRequests.get();
    }

    public long writes() {
        return writes.get();
    }

    public void reset() {
        bytesRead.set(0);
        readRequests.set(0);
        writes.set(0);
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public void put(String key, byte[] content) {
        writes.incrementAndGet();
        delegate.put(key, content);
    }

    @Override
    public void write(String key, ContentWriter writer) {
        writes.incrementAndGet();
        delegate.write(key, writer);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        writes.incrementAndGet();
        return delegate.putIfAbsent(key, content);
    }

    @Override
    public Optional<byte[]> get(String key) {
        Optional<byte[]> content = delegate.get(key);
        readRequests.incrementAndGet();
        content.ifPresent(bytes -> bytesRead.addAndGet(bytes.length));
        return content;
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        byte[] range = delegate.getRange(key, offset, length);
        readRequests.incrementAndGet();
        bytesRead.addAndGet(range.length);
        return range;
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        return delegate.head(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void delete(Collection<String> keys) {
        delegate.delete(keys);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
