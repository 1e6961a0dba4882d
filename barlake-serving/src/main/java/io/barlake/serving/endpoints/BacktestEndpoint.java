package io.barlake.serving.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.portfolio.Costs;
import io.barlake.analytics.portfolio.PortfolioResult;
import io.barlake.analytics.portfolio.PortfolioSettings;
import io.barlake.analytics.portfolio.Sizing;
import io.barlake.analytics.strategy.CompositeStrategies;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.analytics.strategy.StrategyConfigException;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.Continuity;
import io.barlake.lake.read.SymbolBars;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.RequestValues;
import io.barlake.serving.services.BacktestService;
import io.barlake.serving.services.SeriesQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/backtest}: a strategy (a prebuilt one's name, or a composite strategy object)
 * run over one symbol's bars from the lake, in one timeframe and range. The answer holds the
 * metrics, the trades and the equity curve. An invalid composite strategy is a 400 with every
 * problem and its JSON path. With {@code "universe"} (a list of at most
 * {@value BacktestService#MAX_UNIVERSE} symbols) instead of {@code "symbol"}: a portfolio backtest on
 * daily bars with one cash account, {@code "max_positions"}, {@code "sizing"}, {@code "costs"} and
 * {@code "direction"} ({@code long} or {@code long-short}) and {@code "rank"} as the CLI takes them, dividends
 * reinvested when the lake has them unless {@code "adjustment":"split"}, against {@code "benchmark"}
 * (a symbol, {@code "universe"}, or SPY when the lake has it); the answer adds the benchmark's
 * equity beside the portfolio's.
 *
 * <pre>{"symbol":"AAPL","strategy":"golden-cross","timeframe":"1d","from":"2021-01-04","to":"2025-12-31",
 *  "capital":100000,"commission":0,"commission_percent":0,"slippage_percent":0,"fraction":1}</pre>
 */
public final class BacktestEndpoint {
    /** A composite strategy's own limit, plus room for the other fields. */
    public static final int MAX_BODY = CompositeStrategies.MAX_BYTES + 4096;
    private final BacktestService service;

    public BacktestEndpoint(BacktestService service) {
        this.service = service;
    }

    public ApiResponse post(ApiRequest request) {
        if (request.body().length > MAX_BODY) {
            throw new ApiException(413, "body_too_large", "The body is larger than " + MAX_BODY + " bytes");
        }
        JsonNode body = ApiJson.read(request.body());
        if (body.isObject() && body.has("universe")) {
            BacktestService.PortfolioRequest asked = portfolio(body);
            return ApiResponse.json(200, ApiJson.write(portfolioAnswer(asked, service.portfolio(asked))));
        }
        BacktestService.Outcome outcome = service.run(backtest(body));
        return ApiResponse.json(200, ApiJson.write(answer(outcome)));
    }

    /** The body as a portfolio backtest: "universe" a list of symbols, then the portfolio's own settings. */
    private static BacktestService.PortfolioRequest portfolio(JsonNode body) {
        JsonNode list = body.get("universe");
        if (!list.isArray()) {
            throw ApiException.badRequest("'universe' must be a list of symbols, at most " + BacktestService.MAX_UNIVERSE);
        }
        if (list.size() > BacktestService.MAX_UNIVERSE) {
            throw ApiException.badRequest("'universe' must list from 1 to " + BacktestService.MAX_UNIVERSE + " symbols");
        }
        List<String> symbols = new ArrayList<>();
        for (JsonNode symbol : list) {
            String value = RequestValues.symbol("universe", symbol.isTextual() ? symbol.asText() : String.valueOf(symbol));
            if (!symbols.contains(value)) {
                symbols.add(value);
            }
        }
        Strategy strategy = strategy(body.get("strategy"));
        PortfolioSettings settings;
        io.barlake.analytics.portfolio.Rank rank;
        try {
            rank = io.barlake.analytics.portfolio.Rank.parse(text(body, "rank", "roc:20"));
            settings = new PortfolioSettings(number(body, "capital", 100_000), (int) number(body, "max_positions", 10),
                    Sizing.parse(text(body, "sizing", "equal")), Costs.parse(text(body, "costs", "bps:0")), 252,
                    PortfolioSettings.Direction.parse(text(body, "direction", "long")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("portfolio settings: " + e.getMessage());
        }
        String benchmark = body.has("benchmark") ? text(body, "benchmark", null) : null;
        if (benchmark != null) {
            benchmark = benchmark.equalsIgnoreCase("universe") ? "universe" : RequestValues.symbol("benchmark", benchmark);
        }
        Adjustment adjustment = null;
        if (body.has("adjustment")) {
            try {
                adjustment = Adjustment.parse("adjustment", text(body, "adjustment", "split"));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'adjustment' must be split or total_return");
            }
        }
        return new BacktestService.PortfolioRequest(symbols, date(body, "from"), date(body, "to"), strategy, settings, rank, benchmark,
                adjustment);
    }

    private static Map<String, Object> portfolioAnswer(BacktestService.PortfolioRequest request, BacktestService.PortfolioOutcome outcome) {
        PortfolioResult result = outcome.result();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("strategy", result.strategy());
        answer.put("universe", outcome.symbols());
        answer.put("from", result.dates()[0].toString());
        answer.put("to", result.dates()[result.dates().length - 1].toString());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("capital", result.settings().initialCapital());
        settings.put("max_positions", result.settings().maxPositions());
        settings.put("sizing", result.settings().sizing().describe());
        settings.put("costs", result.settings().costs().describe());
        settings.put("direction", result.settings().direction().label());
        settings.put("adjustment", outcome.adjustment().label());
        settings.put("rank", request.rank().describe());
        answer.put("settings", settings);
        answer.put("metrics", outcome.metrics());
        answer.put("trades", result.trades());
        List<Map<String, Object>> equity = new ArrayList<>(result.dates().length);
        for (int i = 0; i < result.dates().length; i++) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("date", result.dates()[i].toString());
            point.put("equity", result.equity()[i]);
            point.put("benchmark", outcome.benchmark().equity()[i]);
            equity.add(point);
        }
        answer.put("equity", equity);
        return answer;
    }

    /** The body as a backtest request; each field's problem is a 400 naming the field. */
    private static BacktestService.Request backtest(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        String symbol = RequestValues.symbol("symbol", text(body, "symbol", null));
        Timeframe timeframe;
        try {
            timeframe = Timeframe.parse(text(body, "timeframe", "1d"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'timeframe' must be one of 1d, 3d, 5d, 8d, 13d, 21d, 34d");
        }
        Adjustment adjustment;
        try {
            adjustment = Adjustment.parse("adjustment", text(body, "adjustment", "split"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'adjustment' must be raw, split or total_return");
        }
        Continuity continuity;
        try {
            continuity = Continuity.parse("continuity", text(body, "continuity", "ticker"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'continuity' must be ticker or continuous");
        }
        SeriesQuery series = new SeriesQuery(symbol, timeframe, date(body, "from"), date(body, "to"), adjustment, continuity);
        Strategy strategy = strategy(body.get("strategy"));
        BacktestSettings settings;
        try {
            settings = new BacktestSettings(number(body, "capital", 100_000), number(body, "commission", 0),
                    number(body, "commission_percent", 0), number(body, "slippage_percent", 0), number(body, "fraction", 1), 252);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("backtest settings: " + e.getMessage());
        }
        return new BacktestService.Request(series, strategy, settings);
    }

    private static Map<String, Object> answer(BacktestService.Outcome outcome) {
        BacktestResult result = outcome.result();
        SymbolBars bars = outcome.bars();
        List<EquityPoint> equity = new ArrayList<>(result.dates().length);
        for (int i = 0; i < result.dates().length; i++) {
            equity.add(new EquityPoint(result.dates()[i].toString(), result.equity()[i]));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", result.symbol());
        answer.put("strategy", result.strategy());
        answer.put("timeframe", outcome.query().timeframe().label());
        answer.put("adjustment", outcome.query().adjustment().label());
        answer.put("continuity", outcome.query().continuity().label());
        answer.put("from", bars.dates()[0].toString());
        answer.put("to", bars.dates()[bars.size() - 1].toString());
        answer.put("bars", bars.size());
        answer.put("metrics", result.metrics());
        answer.put("trades", result.trades());
        answer.put("equity", equity);
        return answer;
    }

    /** One point of the equity curve, as the answer lists it. */
    record EquityPoint(String date, double equity) {}

    private static Strategy strategy(JsonNode value) {
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("'strategy' is required: a prebuilt strategy's name or a composite strategy object");
        }
        if (value.isTextual()) {
            List<String> names = PrebuiltStrategies.names();
            return PrebuiltStrategies.find(value.asText()).orElseThrow(() -> ApiException.badRequest("'strategy' "
                    + "is not a prebuilt strategy" + CompositeStrategies.suggestion(value.asText(), names) + " Prebuilt: "
                    + String.join(", ", names)));
        }
        if (!value.isObject()) {
            throw ApiException.badRequest("'strategy' must be a prebuilt strategy's name or a composite strategy object");
        }
        try {
            return CompositeStrategies.parse(value.toString());
        } catch (StrategyConfigException e) {
            throw RequestValues.problems("invalid_strategy", "The composite strategy", "strategy.", e);
        }
    }

    private static String text(JsonNode body, String field, String defaultValue) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (defaultValue == null) {
                throw ApiException.badRequest("'" + field + "' is required");
            }
            return defaultValue;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static LocalDate date(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return RequestValues.date(field, value.asText());
    }

    private static double number(JsonNode body, String field, double defaultValue) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw ApiException.badRequest("'" + field + "' must be a finite number");
        }
        return value.asDouble();
    }
}
