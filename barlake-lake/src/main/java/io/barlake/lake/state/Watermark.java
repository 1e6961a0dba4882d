package io.barlake.lake.state;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How far a dataset is complete: every session up to and including {@code session} is in.
 *
 * @param name      dataset, e.g. {@code bronze-bars}
 * @param session   the last complete session
 * @param updatedAt when it last moved
 */
public record Watermark(String name, LocalDate session, Instant updatedAt) {
    public Watermark {
        requireNonNull(name, "name is null");
        requireNonNull(session, "session is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
