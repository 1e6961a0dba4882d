package io.barlake.serving.endpoints;

import com.fasterxml.jackson.core.JsonGenerator;
import io.barlake.analytics.strategy.IndicatorSpec;
import io.barlake.analytics.strategy.Operand;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.Continuity;
import io.barlake.lake.read.SymbolBars;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.Cursors;
import io.barlake.serving.http.QueryParams;
import io.barlake.serving.services.BarsService;
import io.barlake.serving.services.SeriesQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/bars?symbol=&timeframe=&from=&to=&adjustment=&limit=&cursor=&indicators=}: history
 * from silver, split-adjusted unless {@code adjustment=raw} or {@code total_return} (daily bars
 * only; {@code adjusted=false} is the older spelling of {@code raw}), oldest first, at
 * most {@code limit} bars a page; {@code next_cursor} fetches the next page and is null on the
 * last. {@code indicators=sma:50,bbands:20:2} adds each output as a column of every bar (null
 * during an indicator's warm-up, which starts at the page's first bar).
 */
public final class BarsEndpoint {
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 5000;
    private static final String CURSOR_KIND = "bars-after";

    private final BarsService service;

    public BarsEndpoint(BarsService service) {
        this.service = service;
    }

    public ApiResponse get(ApiRequest request) {
        QueryParams params = new QueryParams(request.query());
        SeriesQuery query = new SeriesQuery(params.symbol("symbol"), params.timeframe("timeframe"), params.date("from").orElse(null),
                params.date("to").orElse(null), adjustment(params), continuity(params));
        Timeframe timeframe = query.timeframe();
        Adjustment adjustment = query.adjustment();
        Continuity continuity = query.continuity();
        int limit = params.limit("limit", DEFAULT_LIMIT, MAX_LIMIT);
        LocalDate start = params.text("cursor").map(BarsEndpoint::after).orElse(query.from());
        List<Operand.Indicator> indicators = params.text("indicators").map(BarsEndpoint::indicators).orElse(List.of());
        BarsService.Page page = service.page(query, start, indicators);
        SymbolBars bars = page.bars();
        Map<String, double[]> overlays = page.overlays();
        int n = Math.min(limit, bars.size());
        // Streamed, not built as a map per bar: a five-year page is 1,260 bars and this is the hot path.
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + n * 96);
        try (JsonGenerator json = ApiJson.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("symbol", bars.symbol()); // the lake's spelling: aapl asked, AAPL answered
            json.writeStringField("timeframe", timeframe.label());
            json.writeBooleanField("adjusted", adjustment != Adjustment.RAW);
            json.writeStringField("adjustment", adjustment.label());
            json.writeStringField("continuity", continuity.label());
            json.writeArrayFieldStart("bars");
            for (int i = 0; i < n; i++) {
                json.writeStartObject();
                json.writeStringField("date", bars.dates()[i].toString());
                json.writeNumberField("open", bars.open()[i]);
                json.writeNumberField("high", bars.high()[i]);
                json.writeNumberField("low", bars.low()[i]);
                json.writeNumberField("close", bars.close()[i]);
                json.writeNumberField("volume", bars.volume()[i]);
                for (Map.Entry<String, double[]> overlay : overlays.entrySet()) {
                    double value = overlay.getValue()[i];
                    json.writeFieldName(overlay.getKey());
                    if (Double.isFinite(value)) {
                        json.writeNumber(value);
                    } else {
                        json.writeNull();
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            if (bars.size() > n) {
                json.writeStringField("next_cursor", cursor(bars.dates()[n - 1]));
            } else {
                json.writeNullField("next_cursor");
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ApiResponse.json(200, out.toByteArray());
    }

    private static List<Operand.Indicator> indicators(String spec) {
        try {
            return IndicatorSpec.parse(spec);
        } catch (IndicatorSpec.Problem e) {
            throw ApiException.badRequest("'indicators' " + (e.entry() == null ? "" : "'" + e.entry() + "'") + ": " + e.getMessage());
        }
    }

    static String cursor(LocalDate last) {
        return Cursors.encode(CURSOR_KIND, last.toString());
    }

    /** The first date of the page after the cursor's. */
    static LocalDate after(String cursor) {
        try {
            return LocalDate.parse(Cursors.decode(CURSOR_KIND, cursor)).plusDays(1);
        } catch (java.time.DateTimeException e) {
            throw Cursors.invalid();
        }
    }

    /** {@code continuity=ticker|continuous}: the ticker's own bars (the default), or the security's across renames. */
    static Continuity continuity(QueryParams params) {
        Optional<String> named = params.text("continuity");
        if (named.isEmpty()) {
            return Continuity.TICKER;
        }
        try {
            return Continuity.parse("continuity", named.get());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'continuity' must be ticker or continuous");
        }
    }

    /** {@code adjustment=raw|split|total_return}; {@code adjusted=false} means raw, as before. */
    static Adjustment adjustment(QueryParams params) {
        Optional<String> named = params.text("adjustment");
        if (named.isPresent()) {
            try {
                return Adjustment.parse("adjustment", named.get());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'adjustment' must be raw, split or total_return");
            }
        }
        return params.bool("adjusted", true) ? Adjustment.SPLIT : Adjustment.RAW;
    }
}
