package io.barlake.lake.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run report's named totals, one definition for a local run and a deployed one: what the run's
 * final state says (sessions and records fetched, signals picked), and what the quality gate
 * found in the verdicts the run wrote ({@code quality_held}, {@code quality_<kind>}).
 */
public final class RunCounts {
    private static final Logger LOG = LoggerFactory.getLogger(RunCounts.class);

    private RunCounts() {}

    /** {@code sessions_fetched}, {@code records_fetched} and {@code signals} from a succeeded run's final state. */
    public static Map<String, Long> fromOutput(JsonNode output) {
        Map<String, Long> counts = new LinkedHashMap<>();
        JsonNode bars = output.path("fetch").path("bars");
        counts.put("sessions_fetched", bars.path("sessions").asLong());
        counts.put("records_fetched", bars.path("records").asLong());
        counts.put("signals", output.path("scan").path("picks").asLong());
        return counts;
    }

    /** The quality gate's findings over the verdicts at {@code keys}, by kind, and the sessions it held. */
    public static Map<String, Long> quality(ObjectStore store, Collection<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String key : keys) {
            try {
                QualityReport report = LakeJson.mapper().readValue(store.get(key).orElseThrow(), QualityReport.class);
                counts.merge("quality_held", report.held() ? 1L : 0L, Long::sum);
                report.counts().forEach((kind, count) -> counts.merge("quality_" + kind, (long) count, Long::sum));
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("{} could not be read for the run report ({})", key, e.getClass().getSimpleName());
            }
        }
        return counts;
    }

    /** The objects (run reports aside) written at or after {@code since}: what a deployed run wrote. */
    public static List<ObjectInfo> writtenSince(ObjectStore store, Instant since) {
        return store.list("").stream().filter(info -> !info.key().startsWith(LakeLayout.RUNS))
                .filter(info -> !info.lastModified().isBefore(since)).toList();
    }
}
