package io.barlake.analytics.strategy;

import java.util.Map;

/**
 * Why a signal fired: the step ({@code trigger}, {@code exit}, {@code stop-loss}, …), the rule
 * that fired as a sentence, and the indicator values behind it at that bar, by label.
 */
public record Explanation(String step, String rule, Map<String, Double> values) {
    public Explanation {
        values = Map.copyOf(values);
    }
}
