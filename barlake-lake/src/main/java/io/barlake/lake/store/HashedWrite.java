package io.barlake.lake.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Writes an object through {@link ObjectStore#write} and returns the SHA-256 of the bytes as they
 * went out, so a stage can mark what it wrote without reading a large file back.
 */
public final class HashedWrite {
    private HashedWrite() {}

    /** Writes {@code writer}'s content under {@code key}; returns its hex SHA-256. */
    public static String write(ObjectStore store, String key, ContentWriter writer) {
        MessageDigest digest = Sha256.digest();
        store.write(key, out -> {
            digest.reset(); // a store that calls the writer again hashes only the content it keeps
            try (DigestOutputStream hashing = new DigestOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the store closes the stream it gave, not the writer
                }
            }, digest)) {
                writer.writeTo(hashing);
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }
}
