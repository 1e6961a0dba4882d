package io.barlake.serving.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.barlake.fetchers.polygon.PolygonClient;
import io.barlake.fetchers.polygon.PolygonSettings;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStores;
import io.barlake.serving.Router;
import io.barlake.serving.RouterSettings;
import io.barlake.serving.ServingSettings;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The router as a Lambda function behind an API Gateway HTTP API or a Function URL (payload
 * format 2.0): the runtime hands over an {@link APIGatewayV2HTTPEvent}, which becomes an {@link
 * ApiRequest}, and the answer goes back as an {@link APIGatewayV2HTTPResponse}. On Lambda the keys
 * are required: with none configured every /v1 request is a 401. The event envelope is read by
 * the runtime with its own limits; the router refuses an oversized body with a 413, and the API's
 * tight limits apply to the body's own JSON.
 */
public final class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpApiHandler.class);
    private final Router router;

    /** Cold start: the lake and the settings from the process environment. */
    public HttpApiHandler() {
        this(router(System.getenv(), Clock.systemUTC()));
    }

    public HttpApiHandler(Router router) {
        this.router = router;
    }

    private static Router router(Map<String, String> environment, Clock clock) {
        ServingSettings settings = ServingSettings.from(environment);
        // Never open on AWS: without configured keys every /v1 request is refused.
        Optional<PolygonClient> polygon = PolygonSettings.fromEnvironment(environment, SecretsManagerApiKeys.usingDefaultClient())
                .map(polygonSettings -> new PolygonClient(settings.forQuotes(polygonSettings), TradingCalendar.nyse(), clock));
        return new Router(settings.router(ObjectStores.open(LakeLocation.parse(environment.getOrDefault(LakeLocation.SETTING,
                LakeLocation.DEFAULT), LakeLocation.SETTING), environment), clock, settings.quoteCache(clock)).withAccess(RouterSettings.WithoutKeys.CLOSED)
                .withVendor(polygon));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        io.barlake.lake.logging.LogContext.invocation(context == null ? null : context.getAwsRequestId());
        long started = System.nanoTime();
        ApiRequest request = request(event);
        ApiResponse response = router.handle(request);
        // One access line per request, without the query or any header: what was asked, how it ended, how long it took.
        LOG.info("{} {} {} {} ms", request.method(), request.path(), response.status(), (System.nanoTime() - started) / 1_000_000);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(new LinkedHashMap<>(response.headers()))
                .withBody(response.bodyText()).withIsBase64Encoded(false).build();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%': kept as sent, and the parameter's own check refuses it
        }
    }

    static ApiRequest request(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String method = context == null || context.getHttp() == null || context.getHttp().getMethod() == null ? "GET"
                : context.getHttp().getMethod().toUpperCase(Locale.ROOT);
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        // The raw query, not queryStringParameters: those join a repeated parameter's values with commas,
        // which cannot be told apart from a comma inside one value (indicators=sma:50,ema:20). The first
        // value of a repeated parameter is the one, as on the local server.
        Map<String, String> query = new LinkedHashMap<>();
        String raw = event.getRawQueryString() == null ? "" : event.getRawQueryString();
        for (String pair : raw.isEmpty() ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!name.isEmpty()) {
                query.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        byte[] body = new byte[0];
        if (event.getBody() != null) {
            body = event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
                    : event.getBody().getBytes(StandardCharsets.UTF_8);
        }
        return new ApiRequest(method, path, query, headers, body);
    }
}
