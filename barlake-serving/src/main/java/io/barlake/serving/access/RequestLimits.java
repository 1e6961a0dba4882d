package io.barlake.serving.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per key: a token bucket (a burst of {@code burst} requests, refilled at {@code perSecond}) and
 * a quota of requests per UTC day. Over either, the request is a 429 with {@code Retry-After}:
 * the seconds until a token is back, or until midnight UTC. Every request let through is counted.
 * In this process only: a server of its own (barlake serve). Deployed, the counts are shared
 * ({@code DynamoDbLimits}).
 */
public final class RequestLimits implements Limits {
    private final long perSecond;
    private final long burst;
    private final long dailyQuota;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();

    /** Requests counted for one key on one UTC day. */
    private record Usage(LocalDate day, AtomicLong count) {}

    public RequestLimits(long perSecond, long burst, long dailyQuota, Clock clock) {
        Rates rates = new Rates(perSecond, burst, dailyQuota);
        this.perSecond = rates.perSecond();
        this.burst = rates.burst();
        this.dailyQuota = rates.dailyQuota();
        this.clock = clock;
    }

    /** Lets one request of {@code key} through, or throws the 429. */
    @Override
    public void admit(String key) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Usage day = usage.compute(key, (k, current) -> current == null || !current.day().equals(today)
                ? new Usage(today, new AtomicLong()) : current);
        if (day.count().get() >= dailyQuota) {
            throw Limits.quotaUsedUp(dailyQuota, clock);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw Limits.tooMany("rate limit of " + perSecond + " requests a second exceeded", seconds);
        }
        day.count().incrementAndGet();
    }

    /** Requests let through today for {@code key}. */
    @Override
    public long usedToday(String key) {
        Usage day = usage.get(key);
        return day == null || !day.day().equals(LocalDate.now(clock.withZone(ZoneOffset.UTC))) ? 0 : day.count().get();
    }

    @Override
    public long dailyQuota() {
        return dailyQuota;
    }
}
