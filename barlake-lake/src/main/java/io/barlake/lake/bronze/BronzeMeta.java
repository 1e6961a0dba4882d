package io.barlake.lake.bronze;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code bronze/bars/date=…/_meta.json}: where a session's response came from and what it holds.
 * It is written after the data object, so its presence means the data object is complete.
 *
 * @param session   the session
 * @param source    {@code polygon}, {@code synthetic} or {@code flatfiles}
 * @param request   what was asked (never holds a key)
 * @param fetchedAt when it was fetched
 * @param sha256    hex SHA-256 of the response body as received (before compression)
 * @param bytes     size of the response body
 * @param records   records in the response
 */
public record BronzeMeta(LocalDate session, String source, String request, Instant fetchedAt, String sha256,
        long bytes, int records) {
    /** The source name of Barlake's deterministic synthetic market: its prices are generated, not real. */
    public static final String SYNTHETIC_SOURCE = "synthetic";

    public BronzeMeta {
        requireNonNull(session, "session is null");
        requireNonNull(source, "source is null");
        requireNonNull(request, "request is null");
        requireNonNull(fetchedAt, "fetchedAt is null");
        requireNonNull(sha256, "sha256 is null");
    }
}
