package io.barlake.consolidator;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Split;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consolidator's checkpoint {@value #NAME}: the verdict on every split of the vendor's feed, so a
 * nightly run re-reads prices only for the splits whose window of sessions changed. Losing it costs
 * one read of the prices around every split; nothing else depends on it.
 *
 * @param verdicts by {@link #key(Split)}
 */
record SplitVerdicts(Map<String, SplitCheck.Verdict> verdicts) {
    static final String NAME = LakeLayout.SPLIT_VERDICTS;

    SplitVerdicts {
        verdicts = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(verdicts, "verdicts is null")));
    }

    static String key(Split split) {
        return split.symbol() + "|" + split.executionDate() + "|" + split.splitFrom() + "|" + split.splitTo();
    }
}
