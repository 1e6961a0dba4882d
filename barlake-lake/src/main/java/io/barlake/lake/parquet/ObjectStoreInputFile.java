package io.barlake.lake.parquet;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} that reads an object with range requests, so a reader that skips
 * row groups by their statistics never fetches their bytes. Small reads (the footer length, page
 * headers) are served from a read-ahead buffer; large reads (column chunks) go straight to the
 * store as one range request each.
 */
final class ObjectStoreInputFile implements InputFile {
    private static final int READ_AHEAD = 64 * 1024;

    private final ObjectStore store;
    private final String key;
    private final long length;

    /** The object as a Parquet input; a missing key fails with a message naming it. */
    static ObjectStoreInputFile open(ObjectStore store, String key) {
        ObjectInfo info = store.head(key).orElseThrow(() ->
                new ObjectStoreException("Cannot read " + key + " in " + store.location() + ": no such object"));
        return new ObjectStoreInputFile(store, key, info.size());
    }

    /** A read failure as one message naming the key: Parquet reports a damaged file as a bare RuntimeException. */
    static ObjectStoreException readFailure(ObjectStore store, String key, Exception e) {
        if (e instanceof ObjectStoreException storeFailure) {
            return storeFailure;
        }
        return new ObjectStoreException("Cannot read " + key + " in " + store.location()
                + ": not a readable Parquet bar file (" + e.getMessage() + ")", e);
    }

    ObjectStoreInputFile(ObjectStore store, String key, long length) {
        this.store = requireNonNull(store, "store is null");
        this.key = requireNonNull(key, "key is null");
        this.length = length;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new RangeStream();
    }

    @Override
    public String toString() {
        return key;
    }

    private final class RangeStream extends SeekableInputStream {
        private long position;
        private byte[] buffer = new byte[0];
        private long bufferStart;

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void seek(long newPosition) throws IOException {
            if (newPosition < 0 || newPosition > length) {
                throw new EOFException("Cannot seek to " + newPosition + " in " + key + " of " + length + " bytes");
            }
            position = newPosition;
        }

        @Override
        public int read() throws IOException {
            if (position >= length) {
                return -1;
            }
            fill(1);
            return buffer[(int) (position++ - bufferStart)] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            int readable = (int) Math.min(count, length - position);
            readFully(bytes, offset, readable);
            return readable;
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            readFully(bytes, 0, bytes.length);
        }

        @Override
        public void readFully(byte[] bytes, int offset, int count) throws IOException {
            if (position + count > length) {
                throw new EOFException("Cannot read " + count + " bytes at " + position + " of " + key
                        + ": it has " + length + " bytes");
            }
            if (buffered(count)) {
                System.arraycopy(buffer, (int) (position - bufferStart), bytes, offset, count);
            } else if (count >= READ_AHEAD) {
                byte[] range = store.getRange(key, position, count);
                if (range.length != count) {
                    throw new EOFException("Cannot read " + key + ": short range read");
                }
                System.arraycopy(range, 0, bytes, offset, count);
            } else {
                fill(count);
                System.arraycopy(buffer, (int) (position - bufferStart), bytes, offset, count);
            }
            position += count;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            int count = (int) Math.min(target.remaining(), length - position);
            if (count <= 0) {
                return target.hasRemaining() ? -1 : 0;
            }
            byte[] bytes = new byte[count];
            readFully(bytes, 0, count);
            target.put(bytes);
            return count;
        }

        @Override
        public void readFully(ByteBuffer target) throws IOException {
            byte[] bytes = new byte[target.remaining()];
            readFully(bytes, 0, bytes.length);
            target.put(bytes);
        }

        private boolean buffered(int count) {
            return position >= bufferStart && position + count <= bufferStart + buffer.length;
        }

        private void fill(int count) throws EOFException {
            if (buffered(count)) {
                return;
            }
            // Readers start at the tail (footer length, then the footer): fetch the whole tail at once.
            long start = length - position <= READ_AHEAD ? Math.max(0, length - READ_AHEAD) : position;
            int size = (int) Math.min(Math.max(count, READ_AHEAD), length - start);
            byte[] range = store.getRange(key, start, size);
            if (range.length < position - start + count) {
                throw new EOFException("Cannot read " + key + ": short range read");
            }
            buffer = range;
            bufferStart = start;
        }
    }
}
