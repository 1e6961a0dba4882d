package io.barlake.consolidator;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A small JSON-lines object (refused corporate actions) written only when its bytes change, removed when empty. */
final class JsonLinesFile {
    private static final ObjectWriter LINE = LakeJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private JsonLinesFile() {}

    /** Returns true when the object was written or removed. */
    static boolean write(ObjectStore store, String key, List<ObjectNode> lines) {
        Optional<byte[]> existing = store.get(key);
        if (lines.isEmpty()) {
            if (existing.isPresent()) {
                store.delete(List.of(key));
                return true;
            }
            return false;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (ObjectNode line : lines) {
                out.write(LINE.writeValueAsBytes(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        if (existing.isPresent() && Arrays.equals(existing.get(), bytes)) {
            return false;
        }
        store.put(key, bytes);
        return true;
    }
}
