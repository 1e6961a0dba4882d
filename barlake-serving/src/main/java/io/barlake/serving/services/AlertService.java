package io.barlake.serving.services;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.read.SymbolLookup;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.Echo;
import io.barlake.signals.alerts.AlertRule;
import io.barlake.signals.alerts.AlertRuleStore;
import io.barlake.signals.alerts.AlertTrigger;
import io.barlake.signals.alerts.WebhookPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * A caller's alert rules and the rules they live by: at most {@value #MAX_RULES_PER_KEY} per key, a
 * symbol the lake knows (in its spelling), a cooldown of 0 to {@value #MAX_COOLDOWN} sessions, a
 * webhook the {@link WebhookPolicy} lets through and that does not point back at this server, and
 * an id no one can guess. Each key sees and deletes its own rules only.
 */
public final class AlertService {
    public static final int MAX_RULES_PER_KEY = 100;
    public static final int DEFAULT_COOLDOWN = 5;
    /** A year of sessions. */
    public static final int MAX_COOLDOWN = 252;
    private static final SecureRandom IDS = new SecureRandom();

    /**
     * A new alert as asked.
     *
     * @param webhook an http(s) URL for each firing, or null
     * @param ownHost the host the request was addressed to, which a webhook may not name, or null
     */
    public record NewAlert(String symbol, AlertTrigger trigger, int cooldownSessions, String webhook, String ownHost) {
        public NewAlert {
            requireNonNull(symbol, "symbol is null");
            requireNonNull(trigger, "trigger is null");
        }
    }

    private final ObjectStore store;
    private final AlertRuleStore rules;
    private final Clock clock;
    private final WebhookPolicy webhooks;

    public AlertService(ObjectStore store, Clock clock, WebhookPolicy webhooks) {
        this.store = store;
        this.rules = new AlertRuleStore(store);
        this.clock = clock;
        this.webhooks = webhooks;
    }

    /** @throws ApiException 400 naming the rule broken, 404 for a symbol the lake does not know */
    public AlertRule create(String owner, NewAlert alert) {
        String symbol = SymbolLookup.resolve(store, alert.symbol());
        if (alert.cooldownSessions() < 0 || alert.cooldownSessions() > MAX_COOLDOWN) {
            throw ApiException.badRequest("'cooldown_sessions' must be a whole number from 0 to " + MAX_COOLDOWN);
        }
        if (alert.webhook() != null) {
            webhooks.refusal(alert.webhook(), alert.ownHost()).ifPresent(reason -> {
                throw new ApiException(400, "webhook_refused", "'webhook' is refused: " + Echo.of(reason));
            });
        }
        byte[] random = new byte[8];
        IDS.nextBytes(random);
        AlertRule rule = new AlertRule("al_" + HexFormat.of().formatHex(random), owner, symbol, alert.trigger(),
                alert.cooldownSessions(), alert.webhook(), clock.instant(), null);
        rules.update(all -> {
            if (all.stream().filter(r -> r.owner().equals(owner)).count() >= MAX_RULES_PER_KEY) {
                throw ApiException.badRequest("this key already has " + MAX_RULES_PER_KEY + " alerts; delete some first");
            }
            all.add(rule);
            return all;
        });
        return rule;
    }

    /** The owner's rules, oldest first. */
    public List<AlertRule> list(String owner) {
        return rules.all().stream().filter(rule -> rule.owner().equals(owner)).toList();
    }

    /** @throws ApiException 404 when the owner has no rule of that id */
    public void delete(String owner, String id) {
        boolean[] found = new boolean[1];
        rules.update(all -> {
            found[0] = all.removeIf(rule -> rule.id().equals(id) && rule.owner().equals(owner));
            return all;
        });
        if (!found[0]) {
            throw ApiException.notFound("No alert " + (id.matches("al_[0-9a-f]{16}") ? id : "with that id") + " for this key");
        }
    }
}
