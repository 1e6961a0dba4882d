package io.barlake.serving.endpoints;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.state.CorruptStateException;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.status.LakeHealth;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}, open to all: whether the lake answers, whether its daily bars are fresh
 * (the latest closed NYSE session is in silver), whether every bar file the checkpoints describe is
 * there as written ({@link LakeHealth}: status {@code degraded} and the objects' keys otherwise),
 * and the quote source with its circuit breaker. 200 when the lake answers, 503 when it does not;
 * never a path, a bucket name or an exception's text.
 */
public final class HealthEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    private final ObjectStore store;
    private final Clock clock;
    private final Supplier<Map<String, Object>> quotes;
    private final DataSources sources;

    /**
     * @param quotes  the quote source's state ({@code source}, and Polygon's {@code breaker})
     * @param sources where the lake's sessions came from
     */
    public HealthEndpoint(ObjectStore store, Clock clock, Supplier<Map<String, Object>> quotes, DataSources sources) {
        this.store = store;
        this.clock = clock;
        this.quotes = quotes;
        this.sources = sources;
    }

    public ApiResponse get() {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<LocalDate> latest;
        List<String> problems;
        try {
            problems = LakeHealth.problems(store, clock);
            try {
                latest = DailyCheckpoint.latestSession(new StateStore(store, clock));
            } catch (CorruptStateException e) {
                latest = Optional.empty(); // named among the problems
            }
        } catch (RuntimeException e) {
            LOG.warn("Health: the lake did not answer: {}", e.toString());
            body.put("status", "unavailable");
            body.put("lake", Map.of("reachable", false));
            return ApiResponse.json(503, ApiJson.write(body));
        }
        LocalDate closed = TradingCalendar.nyse().latestClosedSession(clock.instant());
        boolean fresh = latest.map(session -> !session.isBefore(closed)).orElse(false);
        body.put("status", !problems.isEmpty() ? "degraded" : fresh ? "ok" : "stale");
        Map<String, Object> lake = new LinkedHashMap<>();
        lake.put("reachable", true);
        lake.put("problems", problems);
        lake.put("sources", sources.current());
        lake.put("synthetic", sources.synthetic());
        body.put("lake", lake);
        Map<String, Object> freshness = new LinkedHashMap<>();
        freshness.put("latest_session", latest.map(LocalDate::toString).orElse(null));
        freshness.put("latest_closed_session", closed.toString());
        freshness.put("fresh", fresh);
        body.put("freshness", freshness);
        body.put("quotes", quotes.get());
        return ApiResponse.json(200, ApiJson.write(body));
    }
}
