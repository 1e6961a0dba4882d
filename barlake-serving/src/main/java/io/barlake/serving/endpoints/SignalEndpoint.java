package io.barlake.serving.endpoints;

import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.lake.read.NoBarsException;
import io.barlake.lake.read.SymbolLookup;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.QueryParams;
import io.barlake.signals.scan.SymbolSignals;
import java.time.Clock;

/**
 * {@code GET /v1/signal?symbol=&date=}: what every prebuilt strategy says about one symbol on a
 * session (the latest by default), computed from the lake on request ({@link SymbolSignals}): BUY,
 * HOLD or SELL per strategy and timeframe, each with its rule and the indicator values that
 * decided it, the scan's weighted score per strategy, and one overall call with its confidence
 * (the mean score's magnitude, in [0, 1]; docs/analytics.md).
 */
public final class SignalEndpoint {
    private final ObjectStore store;
    private final Clock clock;

    public SignalEndpoint(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ApiResponse get(ApiRequest request) {
        QueryParams params = new QueryParams(request.query());
        String symbol = SymbolLookup.resolve(store, params.symbol("symbol"));
        SymbolSignals.Answer answer;
        try {
            answer = SymbolSignals.of(store, clock, symbol, params.date("date").orElse(null), PrebuiltStrategies.all());
        } catch (NoBarsException e) {
            throw ApiException.notFound(e.getMessage());
        }
        return ApiResponse.json(200, ApiJson.write(answer.view()));
    }
}
