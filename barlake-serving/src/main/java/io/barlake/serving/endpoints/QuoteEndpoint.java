package io.barlake.serving.endpoints;

import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.QueryParams;
import io.barlake.serving.services.Quote;
import io.barlake.serving.services.QuoteService;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/quote?symbol=}: the latest price ({@link QuoteService}), with the source that
 * answered and how old the price is.
 */
public final class QuoteEndpoint {
    private final QuoteService quotes;
    private final Clock clock;

    public QuoteEndpoint(QuoteService quotes, Clock clock) {
        this.quotes = quotes;
        this.clock = clock;
    }

    public ApiResponse get(ApiRequest request) {
        Quote quote = quotes.quote(new QueryParams(request.query()).symbol("symbol"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", quote.symbol());
        body.put("price", quote.price());
        body.put("session", quote.session().toString());
        body.put("as_of", quote.asOf().toString());
        body.put("age_seconds", Math.max(0, Duration.between(quote.asOf(), clock.instant()).toSeconds()));
        body.put("source", quote.source());
        return ApiResponse.json(200, ApiJson.write(body));
    }
}
