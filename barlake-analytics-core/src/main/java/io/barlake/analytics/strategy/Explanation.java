package io.barlake.analytics.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a signal fired: the step ({@code trigger}, {@code exit}, {@code stop-loss}, …), the rule
 * that fired as a sentence, and the indicator values behind it at that bar, by label, in the
 * order the rule reads them.
 */
public record Explanation(String step, String rule, Map<String, Double> values) {
    public Explanation {
        // In the order given (Map.copyOf would iterate in an order that changes from run to run,
        // and explanations are written to JSON and reports that must be byte-identical on rerun).
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
