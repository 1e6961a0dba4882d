package io.barlake.lake.bronze;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A vendor record refused on its way to silver, as written to {@code silver/rejects}.
 *
 * @param session the session the record was delivered for
 * @param symbol  the record's symbol as received, or {@code null} when it had none
 * @param reason  why it was refused, naming the field and value
 * @param record  the record exactly as received (JSON text)
 */
public record Rejection(LocalDate session, String symbol, String reason, String record) {
    public Rejection {
        requireNonNull(session, "session is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(record, "record is null");
    }
}
