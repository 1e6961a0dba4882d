package io.barlake.lake.state;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;

/**
 * What a stage recorded in its checkpoint of an object it wrote: the listing facts (size and
 * modification time), which a later run compares from one listing, and the SHA-256 of the bytes,
 * which settles whether an object whose facts differ still holds what was written.
 *
 * @param size   bytes
 * @param millis modification time, epoch milliseconds
 * @param sha256 hex SHA-256 of the content
 */
public record ObjectMark(long size, long millis, String sha256) {
    public ObjectMark {
        requireNonNull(sha256, "sha256 is null");
    }

    /** The mark of an object just written, whose content hashed to {@code sha256} on the way out. */
    public static ObjectMark written(ObjectStore store, String key, String sha256) {
        ObjectInfo info = store.head(key).orElseThrow(() -> new ObjectStoreException("Cannot mark " + key + ": it does not exist"));
        return new ObjectMark(info.size(), info.lastModified().toEpochMilli(), sha256);
    }

    /** True when the listing facts are the recorded ones: the object was not touched since. */
    public boolean listedAs(ObjectInfo info) {
        return info.size() == size && info.lastModified().toEpochMilli() == millis;
    }

    /** The same content, seen with other listing facts (copied, restored, touched). */
    public ObjectMark seenAs(ObjectInfo info) {
        return new ObjectMark(info.size(), info.lastModified().toEpochMilli(), sha256);
    }
}
