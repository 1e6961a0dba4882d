package io.barlake.lake.bronze;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.model.DailyBar;
import java.time.LocalDate;
import java.util.List;

/**
 * One session's grouped-daily response, validated: every received record is either accepted or
 * refused, so {@code received() == accepted().size() + refused().size()}.
 *
 * @param session  the session
 * @param accepted valid bars, in the order received
 * @param refused  refused records with their reasons
 */
public record ParsedSession(LocalDate session, List<DailyBar> accepted, List<Rejection> refused) {
    public ParsedSession {
        requireNonNull(session, "session is null");
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
    }

    /** Records received: accepted plus refused. */
    public int received() {
        return accepted.size() + refused.size();
    }
}
