package io.barlake.serving;

import static java.util.Objects.requireNonNull;

import io.barlake.fetchers.polygon.PolygonClient;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.access.Limits;
import io.barlake.serving.access.RequestLimits;
import io.barlake.serving.services.QuoteCache;
import io.barlake.signals.alerts.WebhookPolicy;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a {@link Router} is built from, named: start from {@link #of} and change what differs.
 *
 * @param keys     the accepted API keys
 * @param limits   each key's rate limit and daily quota
 * @param access   what happens when no key is configured
 * @param vendor   the quote source besides the lake, when a Polygon key is configured
 * @param quotes   where quotes are kept (this process, or Redis to share them across instances)
 * @param webhooks which alert webhooks may be stored and called
 */
public record RouterSettings(ObjectStore store, Clock clock, ApiKeys keys, Limits limits, WithoutKeys access,
        Optional<PolygonClient> vendor, QuoteCache quotes, WebhookPolicy webhooks) {
    /** With no key configured: let every caller in (the local server on loopback), or refuse all (a deployed API). */
    public enum WithoutKeys { OPEN, CLOSED }

    public RouterSettings {
        requireNonNull(store, "store is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(keys, "keys is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(access, "access is null");
        requireNonNull(vendor, "vendor is null");
        requireNonNull(quotes, "quotes is null");
        requireNonNull(webhooks, "webhooks is null");
    }

    /**
     * No keys and closed, the default limits of {@link ServingSettings}, no vendor, quotes in this
     * process, and webhooks to public hosts only.
     */
    public static RouterSettings of(ObjectStore store, Clock clock) {
        return new RouterSettings(store, clock, ApiKeys.none(), new RequestLimits(20, 40, 50_000, clock), WithoutKeys.CLOSED,
                Optional.empty(), QuoteCache.local(clock), new WebhookPolicy(Set.of(), WebhookPolicy.SYSTEM));
    }

    public RouterSettings withKeys(ApiKeys keys) {
        return new RouterSettings(store, clock, keys, limits, access, vendor, quotes, webhooks);
    }

    public RouterSettings withLimits(Limits limits) {
        return new RouterSettings(store, clock, keys, limits, access, vendor, quotes, webhooks);
    }

    public RouterSettings withAccess(WithoutKeys access) {
        return new RouterSettings(store, clock, keys, limits, access, vendor, quotes, webhooks);
    }

    public RouterSettings withVendor(Optional<PolygonClient> vendor) {
        return new RouterSettings(store, clock, keys, limits, access, vendor, quotes, webhooks);
    }

    public RouterSettings withQuotes(QuoteCache quotes) {
        return new RouterSettings(store, clock, keys, limits, access, vendor, quotes, webhooks);
    }

    public RouterSettings withWebhooks(WebhookPolicy webhooks) {
        return new RouterSettings(store, clock, keys, limits, access, vendor, quotes, webhooks);
    }
}
