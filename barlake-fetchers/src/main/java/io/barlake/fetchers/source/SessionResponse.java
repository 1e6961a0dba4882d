package io.barlake.fetchers.source;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One session's grouped-daily response.
 *
 * @param session the session
 * @param body    the JSON body exactly as received
 * @param request what was asked, for bronze metadata; never holds a key
 */
public record SessionResponse(LocalDate session, byte[] body, String request) {
    public SessionResponse {
        requireNonNull(session, "session is null");
        requireNonNull(body, "body is null");
        requireNonNull(request, "request is null");
    }
}
