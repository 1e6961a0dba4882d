package io.barlake.serving.front;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.fetchers.polygon.PolygonClient;
import io.barlake.fetchers.polygon.PolygonSettings;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStores;
import io.barlake.serving.Router;
import io.barlake.serving.RouterSettings;
import io.barlake.serving.ServingSettings;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * format 2.0): the event becomes an {@link ApiRequest}, the answer a {@code statusCode}, headers
 * and a body. On Lambda the keys are required: with none configured every /v1 request is a 401.
 * Limits are counted per function instance.
 */
public final class HttpApiHandler implements RequestStreamHandler {
    /**
     * The event envelope is read with Jackson's default limits: the body inside is a string, and the
     * router refuses an oversized one with a 413. The API's tight limits apply to the body's own JSON.
     */
    private static final ObjectMapper EVENTS = new ObjectMapper();

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
                .map(polygonSettings -> new PolygonClient(polygonSettings, TradingCalendar.nyse(), clock));
        return new Router(settings.router(ObjectStores.open(LakeLocation.parse(environment.getOrDefault(LakeLocation.SETTING,
                LakeLocation.DEFAULT), LakeLocation.SETTING), environment), clock, settings.quoteCache(clock)).withAccess(RouterSettings.WithoutKeys.CLOSED)
                .withVendor(polygon));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = EVENTS.readTree(input);
        ApiResponse response = router.handle(request(event));
        ObjectNode answer = ApiJson.mapper().createObjectNode();
        answer.put("statusCode", response.status());
        ObjectNode headers = answer.putObject("headers");
        response.headers().forEach(headers::put);
        answer.put("body", response.bodyText());
        answer.put("isBase64Encoded", false);
        ApiJson.mapper().writeValue(output, answer);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%': kept as sent, and the parameter's own check refuses it
        }
    }

    static ApiRequest request(JsonNode event) {
        String method = event.path("requestContext").path("http").path("method").asText("GET").toUpperCase(Locale.ROOT);
        String path = event.path("rawPath").asText("/");
        // The raw query, not queryStringParameters: those join a repeated parameter's values with commas,
        // which cannot be told apart from a comma inside one value (indicators=sma:50,ema:20). The first
        // value of a repeated parameter is the one, as on the local server.
        Map<String, String> query = new LinkedHashMap<>();
        String raw = event.path("rawQueryString").asText("");
        for (String pair : raw.isEmpty() ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!name.isEmpty()) {
                query.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").fields().forEachRemaining(field -> headers.put(field.getKey().toLowerCase(Locale.ROOT),
                field.getValue().asText()));
        byte[] body = new byte[0];
        if (event.hasNonNull("body")) {
            String text = event.get("body").asText();
            body = event.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        return new ApiRequest(method, path, query, headers, body);
    }
}
