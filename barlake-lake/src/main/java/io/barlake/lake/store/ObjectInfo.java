package io.barlake.lake.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What a listing or a head request tells about one object.
 *
 * @param key          the lake key
 * @param size         bytes
 * @param lastModified when it was last written
 */
public record ObjectInfo(String key, long size, Instant lastModified) {
    public ObjectInfo {
        requireNonNull(key, "key is null");
        requireNonNull(lastModified, "lastModified is null");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
    }
}
