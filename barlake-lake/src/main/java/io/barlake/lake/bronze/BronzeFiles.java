package io.barlake.lake.bronze;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes of bronze objects: gzip (with the fixed header Java writes, so the same content always
 * gives the same object) and the SHA-256 content hash recorded in {@link BronzeMeta}.
 */
public final class BronzeFiles {
    private BronzeFiles() {}

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decompresses a bronze object; a damaged one fails with the given key in the message. */
    public static byte[] gunzip(byte[] compressed, String key) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MalformedResponseException("Cannot decompress " + key + ": " + e.getMessage(), e);
        }
    }
}
