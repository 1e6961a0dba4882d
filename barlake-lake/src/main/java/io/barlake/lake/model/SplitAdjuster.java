package io.barlake.lake.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Split adjustment on read, as Lean and zipline do it: a bar of date {@code d} is divided (prices)
 * or multiplied (volume) by the product of the factors of the symbol's splits executed after
 * {@code d} and on or before the as-of date. Raw history is never rewritten, so a split is never
 * applied twice and a split announced for later changes nothing until it happens.
 */
public final class SplitAdjuster {
    private final Map<String, List<Split>> bySymbol = new HashMap<>();

    /** Uses the splits executed on or before {@code asOf}; later ones are ignored. */
    public SplitAdjuster(List<Split> splits, LocalDate asOf) {
        requireNonNull(splits, "splits is null");
        requireNonNull(asOf, "asOf is null");
        for (Split split : splits) {
            if (!split.executionDate().isAfter(asOf)) {
                bySymbol.computeIfAbsent(split.symbol(), s -> new ArrayList<>()).add(split);
            }
        }
        bySymbol.values().forEach(list -> list.sort(Comparator.comparing(Split::executionDate)));
    }

    /** The cumulative factor for a bar of {@code symbol} on {@code date}; 1 when no split follows it. */
    public double factor(String symbol, LocalDate date) {
        List<Split> splits = bySymbol.get(symbol);
        if (splits == null) {
            return 1;
        }
        double factor = 1;
        for (int i = splits.size() - 1; i >= 0 && splits.get(i).executionDate().isAfter(date); i--) {
            factor *= splits.get(i).factor();
        }
        return factor;
    }

    /** The applicable splits of a symbol, oldest first. */
    public List<Split> splits(String symbol) {
        return List.copyOf(bySymbol.getOrDefault(symbol, List.of()));
    }
}
