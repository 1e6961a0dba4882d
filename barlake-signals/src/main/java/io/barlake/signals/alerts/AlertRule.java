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
 * @param trigger          what it waits for ({@link AlertTrigger}: a price level crossed, or a condition)
 * @param cooldownSessions sessions after a firing before the rule may fire again
 * @param webhook          an http(s) URL that gets each firing as JSON, or null
 * @param lastFired        the session it last fired on, or null
 */
public record AlertRule(String id, String owner, String symbol, AlertTrigger trigger, int cooldownSessions, String webhook,
        Instant createdAt, LocalDate lastFired) {
    public AlertRule {
        requireNonNull(id, "id is null");
        requireNonNull(owner, "owner is null");
        Symbols.requireValid(symbol);
        requireNonNull(trigger, "trigger is null");
        requireNonNull(createdAt, "createdAt is null");
        if (cooldownSessions < 0) {
            throw new IllegalArgumentException("cooldownSessions must be 0 or more");
        }
    }

    public AlertRule firedOn(LocalDate session) {
        return new AlertRule(id, owner, symbol, trigger, cooldownSessions, webhook, createdAt, session);
    }
}
