package io.barlake.serving.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.analytics.alerts.AlertCondition;
import io.barlake.analytics.strategy.StrategyConfigException;
import io.barlake.lake.alerts.AlertRule;
import io.barlake.lake.alerts.AlertRuleStore;
import io.barlake.lake.alerts.WebhookPolicy;
import io.barlake.lake.read.SymbolLookup;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.Router;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.RequestValues;
import io.barlake.serving.http.Echo;
import io.barlake.serving.http.QueryParams;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    public static final int MAX_RULES_PER_KEY = 100;
    public static final int DEFAULT_COOLDOWN = 5;
    private static final Set<String> KINDS = Set.of(AlertRule.PRICE_ABOVE, AlertRule.PRICE_BELOW, AlertRule.CONDITION);
    private static final SecureRandom IDS = new SecureRandom();

    private final ObjectStore store;
    private final AlertRuleStore rules;
    private final Clock clock;
    private final WebhookPolicy webhooks;

    public AlertsEndpoint(ObjectStore store, Clock clock, WebhookPolicy webhooks) {
        this.store = store;
        this.rules = new AlertRuleStore(store);
        this.clock = clock;
        this.webhooks = webhooks;
    }

    public ApiResponse create(ApiRequest request) {
        String owner = request.header(Router.CALLER_HEADER);
        JsonNode body = ApiJson.read(request.body());
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        String symbol = SymbolLookup.resolve(store, RequestValues.symbol("symbol", body.path("symbol").asText("")));
        String kind = body.path("kind").asText("");
        if (!KINDS.contains(kind)) {
            throw ApiException.badRequest("'kind' must be price_above, price_below or condition");
        }
        Double level = null;
        String condition = null;
        if (kind.equals(AlertRule.CONDITION)) {
            JsonNode expression = body.get("condition");
            if (expression == null || !expression.isObject()) {
                throw ApiException.badRequest("'condition' must be an expression object of the composite-strategy grammar");
            }
            try {
                condition = AlertCondition.expression(expression.toString()).json();
            } catch (StrategyConfigException e) {
                throw RequestValues.problems("invalid_condition", "The condition", "", e);
            }
        } else {
            JsonNode value = body.get("level");
            if (value == null || !value.isNumber() || !(value.asDouble() > 0) || !Double.isFinite(value.asDouble())) {
                throw ApiException.badRequest("'level' must be a price above 0");
            }
            level = value.asDouble();
        }
        int cooldown = body.has("cooldown_sessions") ? cooldown(body.get("cooldown_sessions")) : DEFAULT_COOLDOWN;
        String webhook = body.hasNonNull("webhook") ? webhook(body.get("webhook"), ownHost(request)) : null;
        byte[] random = new byte[8];
        IDS.nextBytes(random);
        AlertRule rule = new AlertRule("al_" + HexFormat.of().formatHex(random), owner, symbol, kind, level, condition, cooldown,
                webhook, clock.instant(), null);
        rules.update(all -> {
            if (all.stream().filter(r -> r.owner().equals(owner)).count() >= MAX_RULES_PER_KEY) {
                throw ApiException.badRequest("this key already has " + MAX_RULES_PER_KEY + " alerts; delete some first");
            }
            all.add(rule);
            return all;
        });
        return ApiResponse.json(201, ApiJson.write(view(rule)));
    }

    public ApiResponse list(ApiRequest request) {
        String owner = request.header(Router.CALLER_HEADER);
        List<Map<String, Object>> mine = new ArrayList<>();
        rules.all().stream().filter(rule -> rule.owner().equals(owner)).forEach(rule -> mine.add(view(rule)));
        return ApiResponse.json(200, ApiJson.write(Map.of("alerts", mine)));
    }

    public ApiResponse delete(ApiRequest request) {
        String owner = request.header(Router.CALLER_HEADER);
        String id = new QueryParams(request.query()).text("id")
                .orElseThrow(() -> ApiException.badRequest("'id' is required"));
        boolean[] found = new boolean[1];
        rules.update(all -> {
            found[0] = all.removeIf(rule -> rule.id().equals(id) && rule.owner().equals(owner));
            return all;
        });
        if (!found[0]) {
            throw ApiException.notFound("No alert " + (id.matches("al_[0-9a-f]{16}") ? id : "with that id") + " for this key");
        }
        return ApiResponse.json(200, ApiJson.write(Map.of("deleted", id)));
    }

    private static Map<String, Object> view(AlertRule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", rule.id());
        view.put("symbol", rule.symbol());
        view.put("kind", rule.kind());
        if (rule.level() != null) {
            view.put("level", rule.level());
        }
        if (rule.condition() != null) {
            try {
                view.put("condition", ApiJson.mapper().readTree(rule.condition()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("A stored condition is not JSON", e);
            }
        }
        view.put("cooldown_sessions", rule.cooldownSessions());
        view.put("webhook", WebhookPolicy.withoutUserInfo(rule.webhook()));
        view.put("created_at", rule.createdAt().toString());
        view.put("last_fired", rule.lastFired() == null ? null : rule.lastFired().toString());
        return view;
    }

    private static int cooldown(JsonNode value) {
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 252) {
            throw ApiException.badRequest("'cooldown_sessions' must be a whole number from 0 to 252");
        }
        return value.asInt();
    }

    private String webhook(JsonNode value, String ownHost) {
        if (!value.isTextual()) {
            throw ApiException.badRequest("'webhook' must be an https URL");
        }
        webhooks.refusal(value.asText(), ownHost).ifPresent(reason -> {
            throw new ApiException(400, "webhook_refused", "'webhook' is refused: " + Echo.of(reason));
        });
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
