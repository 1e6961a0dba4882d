package io.barlake.fetchers.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A reference dataset (tickers or splits): every record of every page, as received.
 *
 * @param results the records
 * @param request what was asked; never holds a key
 */
public record ReferenceSnapshot(List<JsonNode> results, String request) {
    public ReferenceSnapshot {
        results = List.copyOf(results);
        requireNonNull(request, "request is null");
    }
}
