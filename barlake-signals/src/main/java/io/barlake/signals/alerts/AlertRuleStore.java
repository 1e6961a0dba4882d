package io.barlake.signals.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private static final TypeReference<List<AlertRule>> RULES = new TypeReference<>() {};
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
            return LakeJson.mapper().readValue(bytes.get(), RULES);
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
                store.put(KEY, LakeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(rules));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + KEY, e);
            }
            return List.copyOf(rules);
        }
    }
}
