package io.barlake.serving.access;

/**
 * Each key's token bucket and daily quota, behind one interface: counted in this process
 * ({@link RequestLimits}, a laptop's server) or in a table every instance shares (DynamoDB when
 * deployed), so ten Lambda instances allow one quota, not ten.
 */
public interface Limits {
    /**
     * Lets one request of {@code key} through, or throws the 429 (with {@code Retry-After}: the
     * seconds until a token is back, or until midnight UTC when the day's quota is used up).
     */
    void admit(String key);

    /** Requests let through today (UTC) for {@code key}. */
    long usedToday(String key);

    long dailyQuota();
}
