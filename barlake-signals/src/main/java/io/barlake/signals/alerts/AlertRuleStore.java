package io.barlake.signals.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.CorruptStateException;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The alert rules, one small JSON document at {@value #KEY}. Changes in this process are
 * serialized; two processes changing rules at the same moment keep the last write, which is
 * acceptable for a handful of rules edited by people.
 */
public final class AlertRuleStore {
    public static final String KEY = LakeLayout.ALERT_RULES;
    private static final TypeReference<List<StoredRule>> RULES = new TypeReference<>() {};
    private static final Object LOCK = new Object();

    private final ObjectStore store;

    public AlertRuleStore(ObjectStore store) {
        this.store = store;
    }

    /** Every rule, oldest first. */
    public List<AlertRule> all() {
        Optional<byte[]> bytes = store.get(KEY);
        if (bytes.isEmpty()) {
            return List.of();
        }
        try {
            return LakeJson.mapper().readValue(bytes.get(), RULES).stream().map(StoredRule::rule).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + KEY, e);
        }
    }

    /** Changes the rules in one read-modify-write and returns them as written. */
    public List<AlertRule> update(UnaryOperator<List<AlertRule>> change) {
        synchronized (LOCK) {
            List<AlertRule> rules = new ArrayList<>(change.apply(new ArrayList<>(all())));
            rules.sort(Comparator.comparing(AlertRule::createdAt).thenComparing(AlertRule::id));
            try {
                store.put(KEY, LakeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(rules.stream().map(StoredRule::of).toList()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + KEY, e);
            }
            return List.copyOf(rules);
        }
    }

    /**
     * A rule as {@code rules.json} spells it: the trigger flattened into {@code kind} and its one
     * parameter ({@code level} or {@code condition}), the form the file has always had.
     */
    record StoredRule(String id, String owner, String symbol, String kind, Double level, String condition,
            int cooldownSessions, String webhook, Instant createdAt, LocalDate lastFired) {
        static StoredRule of(AlertRule rule) {
            return new StoredRule(rule.id(), rule.owner(), rule.symbol(), rule.trigger().kind(), rule.trigger().priceLevel(),
                    rule.trigger().expressionJson(),
                    rule.cooldownSessions(), rule.webhook(), rule.createdAt(), rule.lastFired());
        }

        AlertRule rule() {
            AlertTrigger trigger = switch (kind == null ? "" : kind) {
                case AlertTrigger.PriceAbove.KIND -> new AlertTrigger.PriceAbove(required(level, "level"));
                case AlertTrigger.PriceBelow.KIND -> new AlertTrigger.PriceBelow(required(level, "level"));
                case AlertTrigger.Condition.KIND -> new AlertTrigger.Condition(required(condition, "condition"));
                default -> throw new CorruptStateException(KEY, KEY + ": alert " + id + " has an unknown kind '" + kind + "'", null);
            };
            return new AlertRule(id, owner, symbol, trigger, cooldownSessions, webhook, createdAt, lastFired);
        }

        private <T> T required(T value, String field) {
            if (value == null) {
                throw new CorruptStateException(KEY, KEY + ": alert " + id + " of kind " + kind + " has no " + field, null);
            }
            return value;
        }
    }
}
