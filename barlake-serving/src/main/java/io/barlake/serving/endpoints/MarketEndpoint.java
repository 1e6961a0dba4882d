package io.barlake.serving.endpoints;

import io.barlake.lake.parquet.MarketColumns.Figure;
import io.barlake.lake.parquet.MarketColumns.Flag;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.Cursors;
import io.barlake.serving.http.QueryParams;
import io.barlake.serving.services.MarketService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /v1/market/summary?date=}: a session's market summary (breadth, movers, anomalies,
 * mood, turbulence, narrative), the latest by default. {@code GET
 * /v1/market/symbols?date=&filter=&limit=&cursor=}: its per-symbol figures in symbol order, those
 * a filter keeps ({@code volume_spike}, {@code big_move}, {@code gap}, {@code new_high}, {@code
 * new_low}, {@code up}, {@code down}), a page at a time. {@code GET /v1/market/report?date=}: the
 * session's report page, self-contained HTML. Formulas: docs/market.md.
 */
public final class MarketEndpoint {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;
    private static final String CURSOR_KIND = "market-after";

    private final MarketService market;

    public MarketEndpoint(MarketService market) {
        this.market = market;
    }

    public ApiResponse summary(ApiRequest request) {
        QueryParams params = new QueryParams(request.query());
        return ApiResponse.json(200, ApiJson.write(market.summary(params.date("date").orElse(null))));
    }

    /** The page allows its own inline styles and nothing else: no script, no fetch, no outside asset. */
    public ApiResponse report(ApiRequest request) {
        QueryParams params = new QueryParams(request.query());
        return new ApiResponse(200, Map.of("Content-Type", "text/html; charset=utf-8", "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"), market.report(params.date("date").orElse(null)));
    }

    public ApiResponse symbols(ApiRequest request) {
        QueryParams params = new QueryParams(request.query());
        MarketService.Filter filter = params.text("filter").map(MarketService.Filter::parse).orElse(null);
        int limit = params.limit("limit", DEFAULT_LIMIT, MAX_LIMIT);
        String after = params.text("cursor").map(cursor -> Cursors.decode(CURSOR_KIND, cursor)).orElse(null);
        MarketService.Symbols symbols = market.symbols(params.date("date").orElse(null), filter, after);
        MarketColumns rows = symbols.rows();
        List<Map<String, Object>> page = new ArrayList<>();
        int n = Math.min(limit, symbols.kept().size());
        for (int k = 0; k < n; k++) {
            int i = symbols.kept().get(k);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", rows.symbol(i));
            for (Figure figure : Figure.values()) {
                double value = rows.figure(figure, i);
                row.put(figure.name().toLowerCase(Locale.ROOT), Double.isNaN(value) ? null : value);
            }
            for (Flag flag : Flag.values()) {
                row.put(flag.name().toLowerCase(Locale.ROOT), rows.flag(flag, i));
            }
            row.put("trend", rows.trend(i));
            page.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", symbols.session().toString());
        body.put("filter", filter == null ? null : filter.label());
        body.put("total", symbols.kept().size());
        body.put("symbols", page);
        body.put("next_cursor", symbols.kept().size() > n ? Cursors.encode(CURSOR_KIND, rows.symbol(symbols.kept().get(n - 1))) : null);
        return ApiResponse.json(200, ApiJson.write(body));
    }
}
