package io.barlake.consolidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.bronze.Rejection;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a session's refused records to {@code silver/rejects/date=…/rejects.jsonl}, one JSON
 * object a line: {@code session}, {@code symbol}, {@code reason}, and the {@code record} as received.
 * A session re-consolidated without refusals loses its old rejects file.
 */
final class RejectsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;

    RejectsWriter(ObjectStore store) {
        this.store = store;
    }

    /** Returns true when an object was written. */
    boolean write(LocalDate session, List<Rejection> rejections) {
        String key = LakeLayout.rejects(session);
        if (rejections.isEmpty()) {
            if (store.head(key).isPresent()) {
                store.delete(List.of(key));
            }
            return false;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Rejection rejection : rejections) {
                ObjectNode line = JSON.createObjectNode();
                line.put("session", rejection.session().toString());
                line.put("symbol", rejection.symbol());
                line.put("reason", rejection.reason());
                line.set("record", parse(rejection.record()));
                out.write(JSON.writeValueAsBytes(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.put(key, out.toByteArray());
        return true;
    }

    private static JsonNode parse(String record) {
        try {
            return JSON.readTree(record);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(record); // not JSON after all: keep it as text, lose nothing
        }
    }
}
