package io.barlake.serving.endpoints;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Symbols;
import io.barlake.lake.model.TickerInfo;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.status.LakeInspector;
import io.barlake.lake.status.LakeStatus;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.QueryParams;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows of the lake itself. {@code GET /v1/status}: datasets, watermarks,
 * freshness and the latest runs, as {@code barlake status} prints them but without the lake's
 * location. {@code GET /v1/symbols?prefix=&limit=}: tickers from the reference data, for a search box,
 * the prefix matched ignoring case.
 */
public final class LakeEndpoint {
    private final ObjectStore store;
    private final Clock clock;

    public LakeEndpoint(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ApiResponse status(ApiRequest request) {
        LakeStatus status = new LakeInspector(store, TradingCalendar.nyse(), clock).inspect();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("empty", status.empty());
        body.put("fresh", status.fresh());
        body.put("sources", status.sources());
        body.put("synthetic", status.synthetic());
        body.put("latest_closed_session", status.latestClosedSession());
        body.put("sessions_behind", status.sessionsBehind());
        body.put("datasets", status.datasets());
        body.put("watermarks", status.watermarks());
        List<Map<String, Object>> runs = new ArrayList<>();
        status.latestRuns().forEach(run -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", run.runId());
            row.put("command", run.command());
            row.put("status", run.status());
            row.put("started_at", run.startedAt());
            row.put("finished_at", run.finishedAt());
            runs.add(row);
        });
        body.put("latest_runs", runs);
        body.put("problems", status.problems());
        return ApiResponse.json(200, ApiJson.write(body));
    }

    public ApiResponse symbols(ApiRequest request) {
        QueryParams params = new QueryParams(request.query());
        String prefix = params.text("prefix").orElse("");
        if (!prefix.isEmpty() && !Symbols.isValid(prefix)) {
            throw io.barlake.serving.http.ApiException.badRequest("'prefix' is not the start of a ticker");
        }
        int limit = params.limit("limit", 20, 200);
        List<Map<String, String>> found = new ArrayList<>();
        if (store.head(LakeLayout.SILVER_TICKERS).isPresent()) {
            for (TickerInfo ticker : ParquetCodec.TICKERS.read(store, LakeLayout.SILVER_TICKERS)) {
                if (ticker.symbol().regionMatches(true, 0, prefix, 0, prefix.length()) && found.size() < limit) {
                    found.add(Map.of("symbol", ticker.symbol(), "name", ticker.name() == null ? "" : ticker.name()));
                }
            }
        }
        return ApiResponse.json(200, ApiJson.write(Map.of("symbols", found)));
    }
}
