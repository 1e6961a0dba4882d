package io.barlake.fetchers.polygon;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429: the plan's request rate was exceeded; retried after {@code Retry-After} or a backoff. */
public class PolygonRateLimitedException extends RetryablePolygonException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public PolygonRateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** What the server asked us to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
