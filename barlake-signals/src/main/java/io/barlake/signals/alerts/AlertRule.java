package io.barlake.signals.alerts;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.model.Symbols;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One user's alert on a symbol, checked by the nightly scan on the latest session's daily bars.
 *
 * @param id               {@code al_} and 16 hex digits
 * @param owner            the API key's name that created it
 * @param kind             {@code price_above}, {@code price_below} (the close crosses {@code level}) or
 *                         {@code condition} (an expression of the composite grammar holds)
 * @param level            the price of the two price kinds, else null
 * @param condition        the expression as JSON for {@code condition}, else null
 * @param cooldownSessions sessions after a firing before the rule may fire again
 * @param webhook          an http(s) URL that gets each firing as JSON, or null
 * @param lastFired        the session it last fired on, or null
 */
public record AlertRule(String id, String owner, String symbol, String kind, Double level, String condition,
        int cooldownSessions, String webhook, Instant createdAt, LocalDate lastFired) {
    public static final String PRICE_ABOVE = "price_above";
    public static final String PRICE_BELOW = "price_below";
    public static final String CONDITION = "condition";

    public AlertRule {
        requireNonNull(id, "id is null");
        requireNonNull(owner, "owner is null");
        Symbols.requireValid(symbol);
        requireNonNull(kind, "kind is null");
        requireNonNull(createdAt, "createdAt is null");
        if (cooldownSessions < 0) {
            throw new IllegalArgumentException("cooldownSessions must be 0 or more");
        }
    }

    public AlertRule firedOn(LocalDate session) {
        return new AlertRule(id, owner, symbol, kind, level, condition, cooldownSessions, webhook, createdAt, session);
    }
}
