package io.barlake.serving.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.Cursors;
import io.barlake.serving.http.QueryParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code GET /v1/signals?date=&strategy=&timeframe=&limit=&cursor=}: the scanner's ranked picks
 * from {@code gold/signals} for a session (the latest scanned by default), best first, with each
 * pick's explanation. {@code timeframe} keeps the picks whose signal that timeframe agrees with.
 */
public final class SignalsEndpoint {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final String CURSOR_KIND = "signals-from";

    private final ObjectStore store;

    public SignalsEndpoint(ObjectStore store) {
        this.store = store;
    }

    public ApiResponse get(ApiRequest request) {
        QueryParams params = new QueryParams(request.query());
        Optional<LocalDate> asked = params.date("date");
        Optional<String> strategy = params.text("strategy");
        Optional<Timeframe> timeframe = params.text("timeframe").map(value -> params.timeframe("timeframe"));
        int limit = params.limit("limit", DEFAULT_LIMIT, MAX_LIMIT);
        int offset = params.text("cursor").map(SignalsEndpoint::offset).orElse(0);

        LocalDate session = asked.orElseGet(() -> latestScanned().orElseThrow(
                () -> ApiException.notFound("No signals yet: the nightly scan has not run on this lake")));
        String key = LakeLayout.signals(session);
        if (store.head(key).isEmpty()) {
            throw ApiException.notFound("No signals for " + session + (latestScanned().map(d -> "; the latest are for " + d).orElse("")));
        }
        List<SignalPick> picks = new ArrayList<>();
        for (SignalPick pick : ParquetCodec.SIGNALS.read(store, key)) {
            if (strategy.map(pick.strategy()::equalsIgnoreCase).orElse(true)
                    && timeframe.map(tf -> agrees(pick, tf)).orElse(true)) {
                picks.add(pick);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = offset; i < Math.min(picks.size(), offset + limit); i++) {
            SignalPick pick = picks.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", pick.rank());
            row.put("symbol", pick.symbol());
            row.put("strategy", pick.strategy());
            row.put("signal", pick.signal());
            row.put("score", pick.score());
            row.put("timeframes", timeframes(pick.timeframes()));
            row.put("explanation", pick.explanation());
            row.put("values", values(pick));
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", session.toString());
        body.put("total", picks.size());
        body.put("signals", rows);
        body.put("next_cursor", offset + limit < picks.size() ? cursor(offset + limit) : null);
        return ApiResponse.json(200, ApiJson.write(body));
    }

    /** The indicator values behind the pick, per timeframe that voted. */
    private static JsonNode values(SignalPick pick) {
        try {
            return ApiJson.mapper().readTree(pick.values());
        } catch (IOException e) {
            throw new UncheckedIOException("A stored pick's values are not JSON", e);
        }
    }

    /** Whether the pick's timeframe list has {@code timeframe} saying the pick's own signal. */
    static boolean agrees(SignalPick pick, Timeframe timeframe) {
        return timeframes(pick.timeframes()).getOrDefault(timeframe.label(), "").equals(pick.signal());
    }

    /** {@code 1d:BUY,5d:HOLD} as an ordered map. */
    static Map<String, String> timeframes(String text) {
        Map<String, String> signals = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                signals.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
            }
        }
        return signals;
    }

    private Optional<LocalDate> latestScanned() {
        TreeSet<LocalDate> sessions = new TreeSet<>();
        for (ObjectInfo info : store.list(LakeLayout.GOLD_SIGNALS)) {
            LakeLayout.dateOf(info.key()).ifPresent(sessions::add);
        }
        return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.last());
    }

    static String cursor(int offset) {
        return Cursors.encode(CURSOR_KIND, Integer.toString(offset));
    }

    static int offset(String cursor) {
        try {
            int offset = Integer.parseInt(Cursors.decode(CURSOR_KIND, cursor));
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Cursors.invalid();
    }
}
