package io.barlake.lake.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The lake's storage: a flat namespace of keys holding immutable byte objects, implemented by a
 * local folder ({@link LocalObjectStore}) and by S3 or an S3-compatible server
 * ({@link S3ObjectStore}). {@link ObjectStores#open} chooses one from the {@code BARLAKE_LAKE}
 * value.
 *
 * <p>Contract, checked for every implementation by the same test:
 * <ul>
 *   <li>Keys are validated by {@link ObjectKeys#requireValid}: no leading {@code /}, no empty,
 *       {@code .} or {@code ..} segments, so a key can never escape the lake.</li>
 *   <li>Every write is atomic: readers see the previous object or the new one, never a part. A
 *       write that fails leaves the previous object as it was.</li>
 *   <li>{@link #list} returns every key under a prefix (all pages), sorted.</li>
 * </ul>
 * Failures throw {@link ObjectStoreException}; a missing key is not a failure for
 * {@link #get} and {@link #head}, which return empty.
 */
public interface ObjectStore extends AutoCloseable {

    /** Where the lake lives, for messages: a folder path or {@code s3://bucket/prefix}. */
    String location();

    /** Writes the object, replacing any previous one, atomically. */
    void put(String key, byte[] content);

    /**
     * Streams an object's content into the store atomically: nothing is visible under the key
     * until {@code writer} has returned, and if it throws, the previous object stays intact.
     */
    void write(String key, ContentWriter writer);

    /** Writes the object only when the key is free; returns false, writing nothing, when it exists. */
    boolean putIfAbsent(String key, byte[] content);

    /** The whole object, or empty when the key does not exist. */
    Optional<byte[]> get(String key);

    /**
     * {@code length} bytes of the object from {@code offset} (fewer at its end); throws
     * {@link ObjectStoreException} when the key does not exist.
     */
    byte[] getRange(String key, long offset, int length);

    /** Size and modification time, or empty when the key does not exist. */
    Optional<ObjectInfo> head(String key);

    /** Every object whose key starts with the prefix, sorted by key; {@code ""} lists the lake. */
    List<ObjectInfo> list(String prefix);

    /** Deletes the objects; keys that do not exist are ignored. */
    void delete(Collection<String> keys);

    @Override
    void close();
}
