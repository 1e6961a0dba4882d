package io.barlake.serving;

import io.barlake.lake.state.CorruptStateException;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.access.OpenAccessGuard;
import io.barlake.serving.access.Limits;
import io.barlake.serving.endpoints.AlertsEndpoint;
import io.barlake.serving.endpoints.BacktestEndpoint;
import io.barlake.serving.endpoints.BarsEndpoint;
import io.barlake.serving.endpoints.DataSources;
import io.barlake.serving.endpoints.HealthEndpoint;
import io.barlake.serving.endpoints.IndicatorsEndpoint;
import io.barlake.serving.endpoints.LakeEndpoint;
import io.barlake.serving.endpoints.MarketEndpoint;
import io.barlake.serving.endpoints.QuoteEndpoint;
import io.barlake.serving.endpoints.SignalEndpoint;
import io.barlake.serving.endpoints.SignalsEndpoint;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.Echo;
import io.barlake.serving.http.SecurityHeaders;
import io.barlake.serving.services.AlertService;
import io.barlake.serving.services.BacktestService;
import io.barlake.serving.services.BarsService;
import io.barlake.serving.services.MarketService;
import io.barlake.serving.services.QuoteService;
import io.barlake.serving.services.SeriesCache;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving API's one router, behind both front doors (the Lambda handler and the local
 * server): it checks the API key and the key's limits, dispatches to the endpoint, and turns
 * every refusal into {@code {"error":{"code","message"}}} with its status. An unexpected failure
 * is a 500 naming a request id that the server's log also holds; no stack trace, path or
 * exception text reaches a response.
 */
public final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    /** Every body is refused above this; the backtest's own limit is lower. */
    public static final int MAX_BODY = 256 * 1024;
    /** The caller when no keys are configured (the local server on loopback). */
    public static final String OPEN_ACCESS = "local";

    private final ApiKeys keys;
    private final boolean openWithoutKeys;
    private final Limits limits;
    private final Map<String, Map<String, Function<ApiRequest, ApiResponse>>> routes = new LinkedHashMap<>();
    private final HealthEndpoint health;
    private final DataSources sources;

    public Router(RouterSettings settings) {
        this.keys = settings.keys();
        this.openWithoutKeys = settings.access() == RouterSettings.WithoutKeys.OPEN;
        this.limits = settings.limits();
        ObjectStore store = settings.store();
        Clock clock = settings.clock();
        QuoteService quotes = new QuoteService(store, clock, settings.vendor(), settings.quotes());
        this.sources = new DataSources(store, clock);
        this.health = new HealthEndpoint(store, clock, quotes::health, sources);
        SeriesCache series = new SeriesCache(store, clock);
        QuoteEndpoint quote = new QuoteEndpoint(quotes, clock);
        BarsEndpoint bars = new BarsEndpoint(new BarsService(series));
        SignalsEndpoint signals = new SignalsEndpoint(store);
        BacktestEndpoint backtest = new BacktestEndpoint(new BacktestService(series, store, clock));
        route("GET", "/v1/quote", quote::get);
        route("GET", "/v1/bars", bars::get);
        route("GET", "/v1/signals", signals::get);
        SignalEndpoint signal = new SignalEndpoint(store, clock);
        route("GET", "/v1/signal", signal::get);
        MarketEndpoint market = new MarketEndpoint(new MarketService(store));
        route("GET", "/v1/market/summary", market::summary);
        route("GET", "/v1/market/report", market::report);
        route("GET", "/v1/market/symbols", market::symbols);
        route("POST", "/v1/backtest", backtest::post);
        route("GET", "/v1/indicators", new IndicatorsEndpoint()::get);
        LakeEndpoint lake = new LakeEndpoint(store, clock);
        route("GET", "/v1/status", lake::status);
        route("GET", "/v1/symbols", lake::symbols);
        AlertsEndpoint alerts = new AlertsEndpoint(new AlertService(store, clock, settings.webhooks()));
        route("POST", "/v1/alerts", alerts::create);
        route("GET", "/v1/alerts", alerts::list);
        route("DELETE", "/v1/alerts", alerts::delete);
        route("GET", "/v1/usage", this::usage);
    }

    private void route(String method, String path, Function<ApiRequest, ApiResponse> handler) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
    }

    /**
     * The answer to {@code request}, with the security headers every answer carries and the
     * {@value DataSources#HEADER} header naming where the lake's data came from.
     */
    public ApiResponse handle(ApiRequest request) {
        Optional<ApiResponse> file = request.method().equals("GET") && admits(request) ? DashboardFiles.get(request.path())
                : Optional.empty();
        ApiResponse answer = SecurityHeaders.addTo(file.orElseGet(() -> answer(request)));
        List<String> known = sources.current();
        return known.isEmpty() ? answer : answer.with(DataSources.HEADER, String.join(", ", known));
    }

    /** Whether every caller is let in without a key: then only this machine's pages may talk to the API. */
    public boolean open() {
        return keys.isEmpty() && openWithoutKeys;
    }

    /** Whether this request may be answered at all (an open server's Host rule); the dashboard's files ask this. */
    public boolean admits(ApiRequest request) {
        try {
            if (open()) {
                OpenAccessGuard.check(request);
            }
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private ApiResponse answer(ApiRequest request) {
        try {
            if (open()) {
                OpenAccessGuard.check(request);
            }
            if (request.path().equals("/health")) {
                return request.method().equals("GET") ? health.get() : notAllowed(List.of("GET"));
            }
            Map<String, Function<ApiRequest, ApiResponse>> methods = routes.get(request.path());
            if (methods == null) {
                throw ApiException.notFound("No such endpoint: " + request.method() + " " + Echo.of(request.path()));
            }
            Function<ApiRequest, ApiResponse> handler = methods.get(request.method());
            if (handler == null) {
                return notAllowed(List.copyOf(methods.keySet()));
            }
            String caller = authenticate(request);
            try {
                limits.admit(caller);
            } catch (ApiException e) {
                // On AWS (the metrics namespace set): every refusal counted, so a key hammering its quota shows.
                io.barlake.lake.batch.JobMetrics.emit(System.getenv(), java.time.Instant.now(), Map.of("QuotaRefusals", 1L));
                throw e;
            }
            if (request.body().length > MAX_BODY) {
                throw new ApiException(413, "body_too_large", "The body is larger than " + MAX_BODY + " bytes");
            }
            return handler.apply(request.withCaller(caller));
        } catch (ApiException e) {
            return error(e);
        } catch (InvalidSettingException e) {
            return error(ApiException.badRequest(e.getMessage()));
        } catch (ObjectStoreException | CorruptStateException e) {
            // Damaged or unreadable data (the nightly run rebuilds it): say so, never where the lake is.
            String id = UUID.randomUUID().toString();
            LOG.error("Request {} {} could not read the lake (id {}): {}", request.method(), Echo.of(request.path()), id,
                    e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
            return error(new ApiException(503, "lake_unreadable", "Part of the lake could not be read; /health names what is "
                    + "damaged, and the next barlake run rebuilds it (request id " + id + ")", List.of(), Map.of("Retry-After", "300")));
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            // One line per failure; the trace only when asked for, as everywhere else.
            LOG.error("Request {} {} failed (id {}): {}", request.method(), Echo.of(request.path()), id, e.toString());
            LOG.debug("Request {} failed", id, e);
            return error(new ApiException(500, "internal", "Internal error; the server log has request id " + id));
        }
    }

    private String authenticate(ApiRequest request) {
        if (open()) {
            return OPEN_ACCESS;
        }
        return keys.identify(request.header("x-api-key"))
                .orElseThrow(() -> new ApiException(401, "unauthorized", "Missing or unknown API key (header x-api-key)"));
    }

    private ApiResponse usage(ApiRequest request) {
        String caller = request.caller();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", caller);
        body.put("requests_today", limits.usedToday(caller));
        body.put("daily_quota", limits.dailyQuota());
        return ApiResponse.json(200, ApiJson.write(body));
    }

    private static ApiResponse notAllowed(List<String> allowed) {
        return error(new ApiException(405, "method_not_allowed", "Use " + String.join(" or ", allowed),
                List.of(), Map.of("Allow", String.join(", ", allowed))));
    }

    /** The JSON answer of a refusal: {@code {"error":{"code","message"[,"details"]}}}, its status and headers. */
    public static ApiResponse error(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        if (!e.details().isEmpty()) {
            error.put("details", e.details());
        }
        ApiResponse response = ApiResponse.json(e.status(), ApiJson.write(Map.of("error", error)));
        for (Map.Entry<String, String> header : e.headers().entrySet()) {
            response = response.with(header.getKey(), header.getValue());
        }
        return response;
    }
}
