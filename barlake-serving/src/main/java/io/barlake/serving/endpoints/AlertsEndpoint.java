package io.barlake.serving.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.analytics.alerts.AlertCondition;
import io.barlake.analytics.strategy.StrategyConfigException;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.QueryParams;
import io.barlake.serving.http.RequestValues;
import io.barlake.serving.services.AlertService;
import io.barlake.signals.alerts.AlertRule;
import io.barlake.signals.alerts.AlertTrigger;
import io.barlake.signals.alerts.WebhookPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/alerts}, {@code GET /v1/alerts}, {@code DELETE /v1/alerts?id=}: a caller's
 * alert rules. A rule waits for a symbol's close to cross a level ({@code price_above},
 * {@code price_below}) or for a condition of the composite-strategy grammar to hold; the nightly
 * scan checks every rule on the latest session and notifies, then lets {@code cooldown_sessions}
 * pass before the rule may fire again.
 *
 * <pre>{"symbol":"AAPL","kind":"price_above","level":200,"cooldown_sessions":5,"webhook":"https://…"}
 * {"symbol":"AAPL","kind":"condition","condition":{"left":{"indicator":"RSI","params":[14]},"op":"LT","right":{"constant":30}}}</pre>
 */
public final class AlertsEndpoint {
    private final AlertService alerts;

    public AlertsEndpoint(AlertService alerts) {
        this.alerts = alerts;
    }

    public ApiResponse create(ApiRequest request) {
        JsonNode body = ApiJson.read(request.body());
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        String symbol = RequestValues.symbol("symbol", body.path("symbol").asText(""));
        int cooldown = body.has("cooldown_sessions") ? cooldown(body.get("cooldown_sessions")) : AlertService.DEFAULT_COOLDOWN;
        String webhook = body.hasNonNull("webhook") ? webhook(body.get("webhook")) : null;
        AlertRule rule = alerts.create(request.caller(),
                new AlertService.NewAlert(symbol, trigger(body), cooldown, webhook, ownHost(request)));
        return ApiResponse.json(201, ApiJson.write(view(rule)));
    }

    public ApiResponse list(ApiRequest request) {
        List<Map<String, Object>> mine = new ArrayList<>();
        alerts.list(request.caller()).forEach(rule -> mine.add(view(rule)));
        return ApiResponse.json(200, ApiJson.write(Map.of("alerts", mine)));
    }

    public ApiResponse delete(ApiRequest request) {
        String id = new QueryParams(request.query()).text("id")
                .orElseThrow(() -> ApiException.badRequest("'id' is required"));
        alerts.delete(request.caller(), id);
        return ApiResponse.json(200, ApiJson.write(Map.of("deleted", id)));
    }

    /** {@code kind} and its parameter: {@code level} for the price kinds, {@code condition} for a condition. */
    private static AlertTrigger trigger(JsonNode body) {
        String kind = body.path("kind").asText("");
        if (kind.equals(AlertTrigger.Condition.KIND)) {
            JsonNode expression = body.get("condition");
            if (expression == null || !expression.isObject()) {
                throw ApiException.badRequest("'condition' must be an expression object of the composite-strategy grammar");
            }
            try {
                return new AlertTrigger.Condition(AlertCondition.expression(expression.toString()).json());
            } catch (StrategyConfigException e) {
                throw RequestValues.problems("invalid_condition", "The condition", "", e);
            }
        }
        if (!kind.equals(AlertTrigger.PriceAbove.KIND) && !kind.equals(AlertTrigger.PriceBelow.KIND)) {
            throw ApiException.badRequest("'kind' must be price_above, price_below or condition");
        }
        JsonNode value = body.get("level");
        if (value == null || !value.isNumber() || !(value.asDouble() > 0) || !Double.isFinite(value.asDouble())) {
            throw ApiException.badRequest("'level' must be a price above 0");
        }
        return kind.equals(AlertTrigger.PriceAbove.KIND) ? new AlertTrigger.PriceAbove(value.asDouble())
                : new AlertTrigger.PriceBelow(value.asDouble());
    }

    private static Map<String, Object> view(AlertRule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", rule.id());
        view.put("symbol", rule.symbol());
        view.put("kind", rule.trigger().kind());
        if (rule.trigger().priceLevel() != null) {
            view.put("level", rule.trigger().priceLevel());
        }
        if (rule.trigger().expressionJson() != null) {
            try {
                view.put("condition", ApiJson.mapper().readTree(rule.trigger().expressionJson()));
            } catch (IOException e) {
                throw new UncheckedIOException("A stored condition is not JSON", e);
            }
        }
        view.put("cooldown_sessions", rule.cooldownSessions());
        view.put("webhook", WebhookPolicy.withoutUserInfo(rule.webhook()));
        view.put("created_at", rule.createdAt().toString());
        view.put("last_fired", rule.lastFired() == null ? null : rule.lastFired().toString());
        return view;
    }

    private static int cooldown(JsonNode value) {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw ApiException.badRequest("'cooldown_sessions' must be a whole number from 0 to " + AlertService.MAX_COOLDOWN);
        }
        return value.asInt();
    }

    private static String webhook(JsonNode value) {
        if (!value.isTextual()) {
            throw ApiException.badRequest("'webhook' must be an https URL");
        }
        return value.asText();
    }

    /** The host this request was addressed to, without its port: a webhook may not point back at it. */
    private static String ownHost(ApiRequest request) {
        String host = request.header("host");
        if (host == null || host.isBlank()) {
            return null;
        }
        int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }
}
