package io.barlake.serving.access;

/**
 * Each key's token bucket and daily quota, behind one interface: counted in this process
 * ({@link RequestLimits}, a laptop's server) or in a table every instance shares (DynamoDB when
 * deployed), so ten Lambda instances allow one quota, not ten.
 */
public interface Limits {
    /** Each key's rate (a token bucket of {@code burst}, refilled at {@code perSecond}) and its daily quota; all positive. */
    record Rates(long perSecond, long burst, long dailyQuota) {
        public Rates {
            if (perSecond < 1 || burst < 1 || dailyQuota < 1) {
                throw new IllegalArgumentException("rate, burst and quota must be positive");
            }
        }
    }

    /**
     * Lets one request of {@code key} through, or throws the 429 (with {@code Retry-After}: the
     * seconds until a token is back, or until midnight UTC when the day's quota is used up).
     */
    void admit(String key);

    /** Requests let through today (UTC) for {@code key}. */
    long usedToday(String key);

    long dailyQuota();

    /** The 429 of a limit, with {@code Retry-After}. */
    static io.barlake.serving.http.ApiException tooMany(String message, long retryAfterSeconds) {
        return new io.barlake.serving.http.ApiException(429, "too_many_requests", message, java.util.List.of(),
                java.util.Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** The 429 of a used-up daily quota: retry after the next midnight UTC. */
    static io.barlake.serving.http.ApiException quotaUsedUp(long dailyQuota, java.time.Clock clock) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        long untilMidnight = java.time.Duration.between(clock.instant(), today.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC))
                .toSeconds();
        return tooMany("daily quota of " + dailyQuota + " requests used up; it resets at 00:00 UTC", Math.max(1, untilMidnight));
    }
}
