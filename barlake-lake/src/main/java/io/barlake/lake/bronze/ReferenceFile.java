package io.barlake.lake.bronze;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reference snapshot in bronze ({@code bronze/tickers/…/tickers.json.gz} or
 * {@code bronze/splits/…/splits.json.gz}): every record of every page, as received, with where
 * it came from and a content hash of the records.
 *
 * @param asOf      the session the snapshot describes
 * @param source    {@code polygon}, {@code synthetic} or {@code flatfiles}
 * @param request   what was asked (never holds a key)
 * @param fetchedAt when it was fetched
 * @param sha256    hex SHA-256 of the records' JSON
 * @param count     number of records
 * @param results   the records
 */
public record ReferenceFile(LocalDate asOf, String source, String request, Instant fetchedAt, String sha256,
        int count, List<JsonNode> results) {
    public ReferenceFile {
        requireNonNull(asOf, "asOf is null");
        requireNonNull(source, "source is null");
        requireNonNull(request, "request is null");
        requireNonNull(fetchedAt, "fetchedAt is null");
        requireNonNull(sha256, "sha256 is null");
        results = List.copyOf(results);
    }

    /** The snapshot stored at {@code key}; throws naming the key when it is gone or not readable. */
    public static ReferenceFile read(ObjectStore store, String key) {
        byte[] stored = store.get(key).orElseThrow(() -> new IllegalStateException("Cannot read " + key + ": it is gone"));
        try {
            return LakeJson.mapper().readValue(BronzeFiles.gunzip(stored, key), ReferenceFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + key + ": " + e.getMessage(), e);
        }
    }
}
