package io.barlake.serving.endpoints;

import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.IndicatorSpec;
import io.barlake.analytics.strategy.Operand;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.read.NoBarsException;
import io.barlake.lake.read.SymbolBars;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.QueryParams;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/bars?symbol=&timeframe=&from=&to=&adjusted=&limit=&cursor=&indicators=}: history
 * from silver, split-adjusted unless {@code adjusted=false} (daily bars only), oldest first, at
 * most {@code limit} bars a page; {@code next_cursor} fetches the next page and is null on the
 * last. {@code indicators=sma:50,bbands:20:2} adds each output as a column of every bar, computed
 * over the page (null during an indicator's warm-up).
 */
public final class BarsEndpoint {
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 5000;
    private static final String CURSOR_PREFIX = "bars-after:";

    private final ObjectStore store;
    private final Clock clock;

    public BarsEndpoint(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ApiResponse get(ApiRequest request) {
        QueryParams params = new QueryParams(request.query());
        String symbol = params.symbol("symbol");
        Timeframe timeframe = params.timeframe("timeframe");
        LocalDate from = params.date("from").orElse(null);
        LocalDate to = params.date("to").orElse(null);
        boolean adjusted = params.bool("adjusted", true);
        int limit = params.limit("limit", DEFAULT_LIMIT, MAX_LIMIT);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("'to' " + to + " is before 'from' " + from);
        }
        if (!adjusted && timeframe != Timeframe.D1) {
            throw ApiException.badRequest(timeframe.label() + " bars are stored split-adjusted only; adjusted=false is for 1d");
        }
        LocalDate start = params.text("cursor").map(BarsEndpoint::after).orElse(from);
        List<Operand.Indicator> indicators = params.text("indicators").map(BarsEndpoint::indicators).orElse(List.of());
        SymbolBars bars;
        try {
            bars = BarHistory.load(store, symbol, timeframe, start, to, clock, adjusted);
        } catch (NoBarsException e) {
            throw ApiException.notFound("No " + timeframe.label() + " bars for " + symbol
                    + (start == null && to == null ? "" : " between " + (start == null ? "the start" : start) + " and "
                    + (to == null ? "the latest session" : to)));
        }
        int n = Math.min(limit, bars.size());
        Map<String, double[]> overlays = indicators.isEmpty() ? Map.of() : IndicatorSpec.columns(new BarSeries(symbol,
                Arrays.copyOf(bars.dates(), n), Arrays.copyOf(bars.open(), n), Arrays.copyOf(bars.high(), n),
                Arrays.copyOf(bars.low(), n), Arrays.copyOf(bars.close(), n), Arrays.copyOf(bars.volume(), n)), indicators);
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", bars.dates()[i].toString());
            row.put("open", bars.open()[i]);
            row.put("high", bars.high()[i]);
            row.put("low", bars.low()[i]);
            row.put("close", bars.close()[i]);
            row.put("volume", bars.volume()[i]);
            for (Map.Entry<String, double[]> overlay : overlays.entrySet()) {
                double value = overlay.getValue()[i];
                row.put(overlay.getKey(), Double.isFinite(value) ? value : null);
            }
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol);
        body.put("timeframe", timeframe.label());
        body.put("adjusted", adjusted);
        body.put("bars", rows);
        body.put("next_cursor", bars.size() > n ? cursor(bars.dates()[n - 1]) : null);
        return ApiResponse.json(200, ApiJson.write(body));
    }

    private static List<Operand.Indicator> indicators(String spec) {
        try {
            List<Operand.Indicator> parsed = IndicatorSpec.parse(spec);
            if (parsed.size() > 10) {
                throw ApiException.badRequest("'indicators' lists more than 10 indicators");
            }
            return parsed;
        } catch (IndicatorSpec.Problem e) {
            throw ApiException.badRequest("'indicators' " + (e.entry() == null ? "" : "'" + e.entry() + "'") + ": " + e.getMessage());
        }
    }

    static String cursor(LocalDate last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + last).getBytes(StandardCharsets.UTF_8));
    }

    /** The first date of the page after the cursor's. */
    static LocalDate after(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                return LocalDate.parse(text.substring(CURSOR_PREFIX.length())).plusDays(1);
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // answered below
        }
        throw ApiException.badRequest("'cursor' is not one this API gave; use next_cursor from the previous page");
    }
}
