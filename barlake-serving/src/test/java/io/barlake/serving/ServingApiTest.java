package io.barlake.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.access.RequestLimits;
import io.barlake.signals.alerts.WebhookPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint, success and failure, through both front doors: the local server and the Lambda event adapter. */
class ServingApiTest {
    private static final String KEY = "bk_live_6f1d2c3b4a5e";
    private static final Map<String, String> WITH_KEY = Map.of("x-api-key", KEY);
    private static final Map<String, String> NONE = Map.of();

    @TempDir
    static Path folder;
    static LocalObjectStore store;

    @BeforeAll
    static void lake() {
        store = new LocalObjectStore(folder.resolve("lake"));
        ServingLake.write(store);
    }

    private static Router router(long perSecond, long burst, long quota) {
        return new Router(RouterSettings.of(store, ServingLake.CLOCK).withKeys(ApiKeys.parse("team=" + ApiKeys.hash(KEY)))
                .withLimits(new RequestLimits(perSecond, burst, quota, ServingLake.CLOCK))
                .withWebhooks(new WebhookPolicy(java.util.Set.of(), ServingLake.RESOLVER)));
    }

    /** Runs {@code check} once through each front door, each on a router of its own (limits are per router). */
    private static void throughBothDoors(java.util.function.Supplier<Router> routers, Consumer<FrontDoor> check) {
        for (FrontDoor door : List.of(FrontDoor.localServer(routers.get()), FrontDoor.lambda(routers.get()))) {
            try (door) {
                check.accept(door);
            } catch (AssertionError e) {
                throw new AssertionError("through the " + door + ": " + e.getMessage(), e);
            }
        }
    }

    private static void throughBothDoors(Consumer<FrontDoor> check) {
        throughBothDoors(() -> router(1000, 1000, 100_000), check);
    }

    private static void assertError(FrontDoor.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(answer.json().path("error").path("code").asText()).isEqualTo(code);
        assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain(folder.toString(), "Exception", "\tat ");
    }

    @Test
    void healthIsOpenAndSaysTheLakeIsFreshWithoutNamingIt() {
        throughBothDoors(door -> {
            FrontDoor.Answer health = door.get("/health", NONE);
            assertThat(health.status()).isEqualTo(200);
            JsonNode json = health.json();
            assertThat(json.path("status").asText()).isEqualTo("ok");
            assertThat(json.path("lake").path("reachable").asBoolean()).isTrue();
            assertThat(json.path("freshness").path("latest_session").asText()).isEqualTo("2025-06-02");
            assertThat(json.path("freshness").path("fresh").asBoolean()).isTrue();
            assertThat(health.body()).doesNotContain(folder.toString());
        });
    }

    @Test
    void aSessionsMarketSummaryAndItsSymbolsFiguresAreServedAPageAtATime() {
        throughBothDoors(door -> {
            FrontDoor.Answer summary = door.get("/v1/market/summary", WITH_KEY);
            assertThat(summary.status()).as(summary.body()).isEqualTo(200);
            assertThat(summary.json().path("date").asText()).isEqualTo("2025-06-02");
            assertThat(summary.json().path("symbols").asInt()).isEqualTo(3);
            assertThat(summary.json().path("narrative").asText()).startsWith("On 2025-06-02, ");
            assertThat(summary.json().path("breadth").path("advancers").asInt() + summary.json().path("breadth").path("decliners").asInt()
                    + summary.json().path("breadth").path("unchanged").asInt()).isEqualTo(3);

            FrontDoor.Answer first = door.get("/v1/market/symbols?limit=2", WITH_KEY);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().path("total").asInt()).isEqualTo(3);
            assertThat(first.json().path("symbols").findValuesAsText("symbol")).containsExactly("AAPL", "KIMpL");
            JsonNode aapl = first.json().path("symbols").get(0);
            // The session's own basis: AAPL's last close as stored, its 200-session average of post- and pre-split bars alike.
            assertThat(aapl.path("close").asDouble()).isEqualTo(ServingLake.rawAaplClose(ServingLake.SESSIONS.size() - 1));
            assertThat(aapl.path("sma_200").asDouble()).isBetween(aapl.path("close").asDouble() * 0.5, aapl.path("close").asDouble() * 1.5);
            assertThat(aapl.path("trend").asText()).isIn("up", "down", "sideways");
            FrontDoor.Answer second = door.get("/v1/market/symbols?limit=2&cursor=" + first.json().path("next_cursor").asText(), WITH_KEY);
            assertThat(second.json().path("symbols").findValuesAsText("symbol")).containsExactly("MSFT");
            assertThat(second.json().path("next_cursor").isNull()).isTrue();

            FrontDoor.Answer report = door.get("/v1/market/report?date=2025-06-02", WITH_KEY);
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            assertThat(header(report, "Content-Type")).startsWith("text/html");
            assertThat(header(report, "Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
            assertThat(report.body()).contains("<h1>Market on 2025-06-02</h1>", summary.json().path("narrative").asText(),
                    "id=\"breadth\"", "id=\"movers\"", "id=\"anomalies\"", "<svg id=\"change-histogram\"")
                    .doesNotContain("<script", "src=\"http");
            assertError(door.get("/v1/market/report?date=2025-05-30", WITH_KEY), 404, "not_found");

            FrontDoor.Answer bad = door.get("/v1/market/symbols?filter=rockets", WITH_KEY);
            assertError(bad, 400, "bad_request");
            assertThat(bad.json().path("error").path("message").asText()).contains("volume_spike", "new_high");
            FrontDoor.Answer missing = door.get("/v1/market/summary?date=2025-05-30", WITH_KEY);
            assertError(missing, 404, "not_found");
            assertThat(missing.json().path("error").path("message").asText()).contains("2025-06-02");
            assertError(door.get("/v1/market/summary", NONE), 401, "unauthorized");
        });
    }

    @Test
    void theIndicatorCatalogueAndTheStrategySchemaAreListedAsTheCliListsThem() {
        throughBothDoors(door -> {
            FrontDoor.Answer listing = door.get("/v1/indicators", WITH_KEY);
            assertThat(listing.status()).as(listing.body()).isEqualTo(200);
            JsonNode json = listing.json();
            List<String> names = new java.util.ArrayList<>();
            json.path("indicators").forEach(entry -> names.add(entry.path("name").asText()));
            assertThat(json.path("count").asInt()).isEqualTo(names.size());
            assertThat(names).startsWith(io.barlake.analytics.strategy.IndicatorCatalog.names().toArray(String[]::new))
                    .contains("CDLENGULFING", "SUPERTREND", "ICHIMOKU", "CORREL").hasSize(
                            io.barlake.analytics.strategy.CatalogListing.entries().size());
            JsonNode macd = json.path("indicators").get(names.indexOf("MACD"));
            assertThat(macd.path("outputs").get(0).path("column").asText()).isEqualTo("macd_12_26_9_line");

            JsonNode schema = door.get("/v1/indicators?schema=true", WITH_KEY).json();
            assertThat(schema.at("/$defs/operand/oneOf/0/properties/indicator/enum").size())
                    .isEqualTo(io.barlake.analytics.strategy.IndicatorCatalog.names().size());
            assertError(door.get("/v1/indicators?schema=maybe", WITH_KEY), 400, "bad_request");
        });
    }

    @Test
    void aSymbolsSignalNamesEveryStrategyAndTimeframeWithTheValuesBehindIt() {
        throughBothDoors(door -> {
            FrontDoor.Answer signal = door.get("/v1/signal?symbol=msft", WITH_KEY);
            assertThat(signal.status()).as(signal.body()).isEqualTo(200);
            JsonNode json = signal.json();
            assertThat(json.path("symbol").asText()).isEqualTo("MSFT");
            assertThat(json.path("date").asText()).isEqualTo("2025-06-02");
            assertThat(json.path("overall").path("signal").asText()).isIn("BUY", "HOLD", "SELL");
            assertThat(json.path("overall").path("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(json.path("strategies").size()).isEqualTo(io.barlake.analytics.strategy.PrebuiltStrategies.all().size());
            JsonNode first = json.path("strategies").get(0).path("timeframes").get(0);
            assertThat(first.path("timeframe").asText()).isEqualTo("1d");
            assertThat(first.path("rule").asText()).isNotBlank();
            assertThat(first.path("values").size()).isPositive();

            assertError(door.get("/v1/signal?symbol=MSFT&date=2025-06-01", WITH_KEY), 404, "not_found");
            assertError(door.get("/v1/signal", WITH_KEY), 400, "bad_request");
        });
    }

    @Test
    void barsAreSplitAdjustedByDefaultAndRawOnRequest() {
        throughBothDoors(door -> {
            JsonNode adjusted = door.get("/v1/bars?symbol=aapl&from=2024-01-02&to=2024-01-31", WITH_KEY).json();
            JsonNode raw = door.get("/v1/bars?symbol=AAPL&from=2024-01-02&to=2024-01-31&adjusted=false", WITH_KEY).json();
            assertThat(adjusted.path("symbol").asText()).isEqualTo("AAPL");
            assertThat(adjusted.path("adjusted").asBoolean()).isTrue();
            JsonNode first = adjusted.path("bars").get(0);
            assertThat(first.path("date").asText()).isEqualTo("2024-01-02");
            // Before the 4-for-1 split: adjusted = raw / 4, volume × 4.
            assertThat(raw.path("bars").get(0).path("close").asDouble()).isEqualTo(ServingLake.rawAaplClose(0));
            assertThat(first.path("close").asDouble()).isCloseTo(ServingLake.rawAaplClose(0) / 4, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(first.path("volume").asDouble()).isEqualTo(raw.path("bars").get(0).path("volume").asDouble() * 4);
            assertThat(adjusted.path("bars").size()).isEqualTo(21);
            assertThat(adjusted.path("next_cursor").isNull()).isTrue();
        });
    }

    @Test
    void totalReturnBarsReinvestDividendsAndOnlyDailyBarsComeThatWay() {
        throughBothDoors(door -> {
            String range = "&from=2025-02-18&to=2025-02-20";
            JsonNode split = door.get("/v1/bars?symbol=MSFT" + range, WITH_KEY).json();
            JsonNode total = door.get("/v1/bars?symbol=MSFT&adjustment=total_return" + range, WITH_KEY).json();
            assertThat(total.path("adjustment").asText()).isEqualTo("total_return");
            assertThat(split.path("adjustment").asText()).isEqualTo("split");
            // Before the ex-date every price is multiplied by 1 - 0.75 / (the close of 2025-02-19); from it on, unchanged.
            double before = split.path("bars").get(1).path("close").asDouble();
            double factor = 1 - 0.75 / before;
            for (int i = 0; i < 2; i++) {
                assertThat(total.path("bars").get(i).path("close").asDouble())
                        .isCloseTo(split.path("bars").get(i).path("close").asDouble() * factor, org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(total.path("bars").get(2).path("close").asDouble()).isEqualTo(split.path("bars").get(2).path("close").asDouble());
            assertThat(door.get("/v1/bars?symbol=MSFT&adjustment=raw&limit=1", WITH_KEY).json().path("adjusted").asBoolean()).isFalse();
            assertError(door.get("/v1/bars?symbol=MSFT&adjustment=dividends", WITH_KEY), 400, "bad_request");
            assertError(door.get("/v1/bars?symbol=MSFT&timeframe=5d&adjustment=total_return", WITH_KEY), 400, "bad_request");
        });
    }

    @Test
    void aContinuousReadFollowsTheSymbolMapAcrossARename() {
        throughBothDoors(door -> {
            String range = "&from=2024-12-30&to=2025-01-03";
            JsonNode continuous = door.get("/v1/bars?symbol=MSFT&continuity=continuous" + range, WITH_KEY).json();
            JsonNode oldTicker = door.get("/v1/bars?symbol=KIMpL" + range, WITH_KEY).json();
            JsonNode newTicker = door.get("/v1/bars?symbol=MSFT" + range, WITH_KEY).json();
            assertThat(continuous.path("continuity").asText()).isEqualTo("continuous");
            assertThat(newTicker.path("continuity").asText()).isEqualTo("ticker");
            assertThat(continuous.path("bars")).hasSize(4);
            assertThat(continuous.path("bars").get(0)).isEqualTo(oldTicker.path("bars").get(0)); // 2024-12-30, under KIMpL
            assertThat(continuous.path("bars").get(1)).isEqualTo(oldTicker.path("bars").get(1));
            assertThat(continuous.path("bars").get(2)).isEqualTo(newTicker.path("bars").get(2)); // 2025-01-02, under MSFT
            assertThat(continuous.path("bars").get(3)).isEqualTo(newTicker.path("bars").get(3));
            assertError(door.get("/v1/bars?symbol=MSFT&continuity=sometimes", WITH_KEY), 400, "bad_request");
            assertError(door.get("/v1/bars?symbol=MSFT&timeframe=5d&continuity=continuous", WITH_KEY), 400, "bad_request");
        });
    }

    @Test
    void tickersAreFoundAsTheVendorWritesThemAndInAnyCaseWhenThatIsUnambiguous() {
        throughBothDoors(door -> {
            JsonNode exact = door.get("/v1/bars?symbol=KIMpL&limit=1", WITH_KEY).json();
            JsonNode folded = door.get("/v1/bars?symbol=kimpl&limit=1", WITH_KEY).json();
            assertThat(exact.path("symbol").asText()).isEqualTo("KIMpL");
            assertThat(folded.path("symbol").asText()).isEqualTo("KIMpL");
            assertThat(folded.path("bars")).isEqualTo(exact.path("bars"));
            assertThat(door.get("/v1/quote?symbol=KIMPL", WITH_KEY).json().path("symbol").asText()).isEqualTo("KIMpL");
            assertThat(door.get("/v1/symbols?prefix=kim", WITH_KEY).json().path("symbols").findValuesAsText("symbol"))
                    .containsExactly("KIMpL");
            FrontDoor.Answer missing = door.get("/v1/bars?symbol=KIMpM", WITH_KEY);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("KIMpM");
        });
    }

    @Test
    void aLongHistoryComesInPagesThatTheCursorWalksWithoutGapsOrRepeats() {
        throughBothDoors(door -> {
            List<String> dates = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = door.get("/v1/bars?symbol=MSFT&limit=100" + (cursor == null ? "" : "&cursor=" + cursor), WITH_KEY).json();
                page.path("bars").forEach(bar -> dates.add(bar.path("date").asText()));
                cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
                pages++;
            } while (cursor != null && pages < 20);
            assertThat(dates).hasSize(ServingLake.SESSIONS.size()).doesNotHaveDuplicates().isSorted();
            assertThat(pages).isEqualTo((ServingLake.SESSIONS.size() + 99) / 100);
            // This lake has daily bars only: the resampled timeframes are not there to page through.
            FrontDoor.Answer weekly = door.get("/v1/bars?symbol=MSFT&timeframe=5d&limit=5", WITH_KEY);
            assertError(weekly, 404, "not_found");
            assertThat(weekly.json().path("error").path("message").asText()).isEqualTo("No 5d bars for MSFT");
        });
    }

    @Test
    void badBarsParametersAreCleanFourHundreds() {
        throughBothDoors(door -> {
            assertError(door.get("/v1/bars", WITH_KEY), 400, "bad_request");
            assertError(door.get("/v1/bars?symbol=..%2F..%2Fx", WITH_KEY), 400, "bad_request");
            assertError(door.get("/v1/bars?symbol=AAPL&from=9999-99-99", WITH_KEY), 400, "bad_request");
            assertError(door.get("/v1/bars?symbol=AAPL&timeframe=2d", WITH_KEY), 400, "bad_request");
            assertError(door.get("/v1/bars?symbol=AAPL&timeframe=5d&adjusted=false", WITH_KEY), 400, "bad_request");
            assertError(door.get("/v1/bars?symbol=AAPL&limit=0", WITH_KEY), 400, "bad_request");
            assertError(door.get("/v1/bars?symbol=AAPL&cursor=bm9wZQ", WITH_KEY), 400, "bad_request");
            assertError(door.get("/v1/bars?symbol=AAPL&from=2025-02-01&to=2025-01-01", WITH_KEY), 400, "bad_request");
            FrontDoor.Answer unknown = door.get("/v1/bars?symbol=ZZZZ", WITH_KEY);
            assertError(unknown, 404, "not_found");
            assertThat(unknown.json().path("error").path("message").asText()).isEqualTo("No 1d bars for ZZZZ");
        });
    }

    @Test
    void indicatorOverlaysComeAsColumnsOfEveryBarNullDuringWarmUp() {
        throughBothDoors(door -> {
            JsonNode page = door.get("/v1/bars?symbol=MSFT&limit=30&indicators=sma:5,bbands:20:2", WITH_KEY).json();
            JsonNode bars = page.path("bars");
            assertThat(bars.get(3).path("sma_5").isNull()).isTrue();
            double mean = 0;
            for (int i = 0; i < 5; i++) {
                mean += bars.get(i).path("close").asDouble() / 5;
            }
            assertThat(bars.get(4).path("sma_5").asDouble()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(bars.get(19).has("bbands_20_2_upper")).isTrue();
            assertThat(bars.get(19).path("bbands_20_2_upper").asDouble()).isGreaterThan(bars.get(19).path("bbands_20_2_lower").asDouble());
            FrontDoor.Answer unknown = door.get("/v1/bars?symbol=MSFT&indicators=smaa:5", WITH_KEY);
            assertError(unknown, 400, "bad_request");
            assertThat(unknown.json().path("error").path("message").asText()).contains("unknown indicator", "SMA");
        });
    }

    @Test
    void statusAndSymbolSearchTellTheDashboardWhatTheLakeHolds() {
        throughBothDoors(door -> {
            JsonNode status = door.get("/v1/status", WITH_KEY).json();
            assertThat(status.path("fresh").asBoolean()).isTrue();
            assertThat(status.path("latest_closed_session").asText()).isEqualTo("2025-06-02");
            assertThat(status.path("datasets").findValuesAsText("name")).contains("silver/daily", "gold/signals");
            assertThat(status.toString()).doesNotContain(folder.toString());
            JsonNode symbols = door.get("/v1/symbols?prefix=a", WITH_KEY).json();
            assertThat(symbols.path("symbols").findValuesAsText("symbol")).containsExactly("AAPL", "AMZN");
            assertThat(symbols.path("symbols").get(0).path("name").asText()).isEqualTo("Apple Inc.");
            assertError(door.get("/v1/symbols?prefix=%24%24", WITH_KEY), 400, "bad_request");
        });
    }

    @Test
    void signalsAreTheLatestScansRankedPicksFilteredAndPaged() {
        throughBothDoors(door -> {
            JsonNode all = door.get("/v1/signals", WITH_KEY).json();
            assertThat(all.path("date").asText()).isEqualTo("2025-06-02");
            assertThat(all.path("total").asInt()).isEqualTo(3);
            assertThat(all.path("signals").get(0).path("symbol").asText()).isEqualTo("AAPL");
            assertThat(all.path("signals").get(0).path("timeframes").path("5d").asText()).isEqualTo("BUY");
            assertThat(all.path("signals").get(0).path("explanation").asText()).isEqualTo("SMA50 crossed above SMA200");

            JsonNode golden = door.get("/v1/signals?strategy=golden-cross&date=2025-06-02", WITH_KEY).json();
            assertThat(golden.path("total").asInt()).isEqualTo(2);
            JsonNode weekly = door.get("/v1/signals?timeframe=5d", WITH_KEY).json();
            assertThat(weekly.path("signals").findValuesAsText("rank")).containsExactly("1", "3");

            JsonNode first = door.get("/v1/signals?limit=2", WITH_KEY).json();
            assertThat(first.path("signals").size()).isEqualTo(2);
            JsonNode rest = door.get("/v1/signals?limit=2&cursor=" + first.path("next_cursor").asText(), WITH_KEY).json();
            assertThat(rest.path("signals").findValuesAsText("rank")).containsExactly("3");
            assertThat(rest.path("next_cursor").isNull()).isTrue();

            assertError(door.get("/v1/signals?date=2025-05-30", WITH_KEY), 404, "not_found");
            assertError(door.get("/v1/signals?date=2025-13-01", WITH_KEY), 400, "bad_request");
        });
    }

    @Test
    void aBacktestOfAPrebuiltOrACompositeStrategyAnswersMetricsTradesAndEquity() {
        String composite = """
                {"symbol":"MSFT","timeframe":"1d","from":"2024-01-02","to":"2025-06-02","strategy":{"name":"sma-cross",
                 "components":{"trigger":{"expression":{"left":{"indicator":"SMA","params":[10]},"op":"CROSS_ABOVE",
                   "right":{"indicator":"SMA","params":[30]}}},
                  "exit":{"expression":{"left":{"indicator":"SMA","params":[10]},"op":"CROSS_BELOW",
                   "right":{"indicator":"SMA","params":[30]}}}}}}""";
        throughBothDoors(door -> {
            FrontDoor.Answer answer = door.call("POST", "/v1/backtest", WITH_KEY, composite.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode json = answer.json();
            assertThat(json.path("strategy").asText()).isEqualTo("sma-cross");
            assertThat(json.path("bars").asInt()).isEqualTo(ServingLake.SESSIONS.size());
            assertThat(json.path("equity").size()).isEqualTo(ServingLake.SESSIONS.size());
            assertThat(json.path("trades").size()).isPositive();
            assertThat(json.path("metrics").has("sharpe")).isTrue();
            assertThat(json.path("equity").get(0).path("equity").asDouble()).isEqualTo(100_000);

            FrontDoor.Answer prebuilt = door.call("POST", "/v1/backtest", WITH_KEY,
                    "{\"symbol\":\"AAPL\",\"strategy\":\"golden-cross\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(prebuilt.status()).as(prebuilt.body()).isEqualTo(200);
            assertThat(prebuilt.json().path("strategy").asText()).isEqualTo("golden-cross");
        });
    }

    @Test
    void theDashboardIsServedThroughBothDoorsWithoutAKeyAndItsDataOnlyWithOne() {
        throughBothDoors(door -> {
            FrontDoor.Answer page = door.get("/", Map.of());
            assertThat(page.status()).as(door.toString()).isEqualTo(200);
            assertThat(page.headers().get("content-type")).startsWith("text/html");
            assertThat(page.headers().get("content-security-policy")).contains("default-src 'self'");
            assertThat(page.body()).contains("<input id=\"api-key\" type=\"password\"", "<script src=\"/dashboard/app.js\"></script>");
            FrontDoor.Answer charts = door.get("/dashboard/echarts.min.js", Map.of());
            assertThat(charts.status()).isEqualTo(200);
            assertThat(charts.headers().get("content-type")).startsWith("text/javascript");
            assertThat(charts.body()).hasSizeGreaterThan(500_000);
            assertThat(door.get("/dashboard/../pom.xml", Map.of()).status()).isEqualTo(404);
            assertThat(door.get("/v1/status", Map.of()).status()).as("the data needs the key typed into the page").isEqualTo(401);
            assertThat(door.get("/v1/status", WITH_KEY).status()).isEqualTo(200);
        });
    }

    @Test
    void aPortfolioBacktestRunsOverTheUniverseAgainstItsBenchmarkWithinItsLimits() {
        throughBothDoors(door -> {
            FrontDoor.Answer answer = door.call("POST", "/v1/backtest", WITH_KEY, """
                    {"universe":["AAPL","msft","NOPE"],"strategy":"rsi-momentum","max_positions":2,"sizing":"fraction:0.4",
                     "costs":"share:0.005,min:1,slippage-bps:5","benchmark":"MSFT"}""".getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode json = answer.json();
            assertThat(strings(json.path("universe"))).containsExactly("AAPL", "MSFT");
            assertThat(json.path("settings").path("sizing").asText()).isEqualTo("fixed fraction 0.4");
            assertThat(json.path("settings").path("costs").asText()).isEqualTo("per share 0.005, minimum 1, slippage 5 bps");
            assertThat(json.path("metrics").path("benchmark").asText()).isEqualTo("buy and hold MSFT");
            JsonNode last = json.path("equity").get(json.path("equity").size() - 1);
            assertThat(last.path("benchmark").asDouble() / 100_000 - 1).isCloseTo(json.path("metrics").path("benchmarkReturn").asDouble(),
                    org.assertj.core.api.Assertions.within(1e-12));
            assertThat(json.path("metrics").has("alpha")).isTrue();
            // The lake has MSFT's dividend: bars are read with it reinvested unless asked otherwise, the benchmark too.
            assertThat(json.path("settings").path("adjustment").asText()).isEqualTo("total_return");
            assertThat(json.path("settings").path("direction").asText()).isEqualTo("long");
            FrontDoor.Answer splitOnly = door.call("POST", "/v1/backtest", WITH_KEY, """
                    {"universe":["aapl","MSFT","kimpl"],"strategy":"rsi-momentum","max_positions":2,"benchmark":"msft","adjustment":"split",
                     "direction":"long-short","costs":"borrow:250","rank":"-natr:14"}""".getBytes(StandardCharsets.UTF_8));
            assertThat(splitOnly.status()).as(splitOnly.body()).isEqualTo(200);
            // Tickers as the lake spells them, whatever the case asked: the preferred share KIMpL too.
            assertThat(strings(splitOnly.json().path("universe"))).containsExactly("AAPL", "KIMpL", "MSFT");
            assertThat(splitOnly.json().path("metrics").path("benchmark").asText()).isEqualTo("buy and hold MSFT");
            assertThat(splitOnly.json().path("settings").path("adjustment").asText()).isEqualTo("split");
            assertThat(splitOnly.json().path("settings").path("direction").asText()).isEqualTo("long-short");
            assertThat(splitOnly.json().path("settings").path("rank").asText()).isEqualTo("NATR(14), lowest first");
            assertThat(json.path("settings").path("rank").asText()).isEqualTo("ROC(20), highest first");
            assertThat(splitOnly.json().path("settings").path("costs").asText()).isEqualTo("borrow 250 bps a year");
            assertThat(json.path("metrics").path("benchmarkReturn").asDouble())
                    .isGreaterThan(splitOnly.json().path("metrics").path("benchmarkReturn").asDouble());
            assertThat(splitOnly.json().path("trades").findValuesAsText("side")).contains("SHORT");
            assertError(door.call("POST", "/v1/backtest", WITH_KEY, "{\"universe\":[\"AAPL\"],\"strategy\":\"golden-cross\",\"adjustment\":\"raw\"}"
                    .getBytes(StandardCharsets.UTF_8)), 400, "bad_request");
            assertError(door.call("POST", "/v1/backtest", WITH_KEY, "{\"universe\":[\"AAPL\"],\"strategy\":\"golden-cross\",\"direction\":\"up\"}"
                    .getBytes(StandardCharsets.UTF_8)), 400, "bad_request");
            assertError(door.call("POST", "/v1/backtest", WITH_KEY, "{\"universe\":[\"AAPL\"],\"strategy\":\"golden-cross\",\"rank\":\"nope\"}"
                    .getBytes(StandardCharsets.UTF_8)), 400, "bad_request");

            String tooMany = "{\"strategy\":\"golden-cross\",\"universe\":[" + String.join(",",
                    java.util.Collections.nCopies(501, "\"AAPL\"")) + "]}";
            assertError(door.call("POST", "/v1/backtest", WITH_KEY, tooMany.getBytes(StandardCharsets.UTF_8)), 400, "bad_request");
            FrontDoor.Answer sizing = door.call("POST", "/v1/backtest", WITH_KEY,
                    "{\"universe\":[\"AAPL\"],\"strategy\":\"golden-cross\",\"sizing\":\"kelly\"}".getBytes(StandardCharsets.UTF_8));
            assertError(sizing, 400, "bad_request");
            assertThat(sizing.json().path("error").path("message").asText()).contains("equal, fraction:F");
            assertError(door.call("POST", "/v1/backtest", WITH_KEY, "{\"universe\":[\"NOPE\"],\"strategy\":\"golden-cross\"}"
                    .getBytes(StandardCharsets.UTF_8)), 404, "not_found");
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void anInvalidStrategyListsEveryProblemWithItsPath() {
        throughBothDoors(door -> {
            FrontDoor.Answer answer = door.call("POST", "/v1/backtest", WITH_KEY, """
                    {"symbol":"AAPL","strategy":{"name":"bad","components":{"trigger":{"expression":{"left":{"indicator":"EMAA",
                     "params":[8]},"op":"GT","right":{"constant":1}}}}}}""".getBytes(StandardCharsets.UTF_8));
            assertError(answer, 400, "invalid_strategy");
            assertThat(answer.json().path("error").path("details").toString()).contains(
                    "strategy.components.trigger.expression.left.indicator: unknown indicator 'EMAA'; did you mean 'EMA'?",
                    "strategy.components.exit: missing");
            assertError(door.call("POST", "/v1/backtest", WITH_KEY, "{\"symbol\":\"AAPL\",\"strategy\":\"golden-crosss\"}"
                    .getBytes(StandardCharsets.UTF_8)), 400, "bad_request");
            assertError(door.call("POST", "/v1/backtest", WITH_KEY, "{\"symbol\":\"AAPL\"".getBytes(StandardCharsets.UTF_8)),
                    400, "bad_request");
        });
    }

    @Test
    void alertRulesAreCreatedListedAndDeletedPerKey() {
        throughBothDoors(door -> {
            FrontDoor.Answer created = door.call("POST", "/v1/alerts", WITH_KEY,
                    "{\"symbol\":\"aapl\",\"kind\":\"price_above\",\"level\":210,\"webhook\":\"https://hooks.example.com/x\"}"
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().path("id").asText();
            assertThat(id).matches("al_[0-9a-f]{16}");
            assertThat(created.json().path("symbol").asText()).isEqualTo("AAPL");
            assertThat(created.json().path("cooldown_sessions").asInt()).isEqualTo(5);

            FrontDoor.Answer condition = door.call("POST", "/v1/alerts", WITH_KEY, """
                    {"symbol":"MSFT","kind":"condition","cooldown_sessions":0,
                     "condition":{"left":{"indicator":"RSI","params":[14]},"op":"LT","right":{"constant":30}}}"""
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(condition.status()).as(condition.body()).isEqualTo(201);
            assertThat(condition.json().path("condition").path("op").asText()).isEqualTo("LT");

            assertThat(door.get("/v1/alerts", WITH_KEY).json().path("alerts").findValuesAsText("id")).contains(id);
            assertThat(door.call("DELETE", "/v1/alerts?id=" + id, WITH_KEY, new byte[0]).status()).isEqualTo(200);
            assertThat(door.get("/v1/alerts", WITH_KEY).json().path("alerts").findValuesAsText("id")).doesNotContain(id);
            assertError(door.call("DELETE", "/v1/alerts?id=" + id, WITH_KEY, new byte[0]), 404, "not_found");
        });
    }

    @Test
    void badAlertRulesAreCleanFourHundreds() {
        throughBothDoors(door -> {
            FrontDoor.Answer condition = door.call("POST", "/v1/alerts", WITH_KEY, """
                    {"symbol":"MSFT","kind":"condition","condition":{"left":{"indicator":"RSII","params":[14]},"op":"LT",
                     "right":{"constant":30}}}""".getBytes(StandardCharsets.UTF_8));
            assertError(condition, 400, "invalid_condition");
            assertThat(condition.json().path("error").path("details").get(0).asText())
                    .isEqualTo("condition.left.indicator: unknown indicator 'RSII'; did you mean 'RSI'?");
            for (String body : List.of("{\"symbol\":\"AAPL\",\"kind\":\"price_sideways\",\"level\":1}",
                    "{\"symbol\":\"AAPL\",\"kind\":\"price_above\"}",
                    "{\"symbol\":\"AAPL\",\"kind\":\"price_above\",\"level\":-5}",
                    "{\"symbol\":\"../x\",\"kind\":\"price_above\",\"level\":5}",
                    "{\"symbol\":\"AAPL\",\"kind\":\"price_above\",\"level\":5,\"cooldown_sessions\":1.5}")) {
                assertError(door.call("POST", "/v1/alerts", WITH_KEY, body.getBytes(StandardCharsets.UTF_8)), 400, "bad_request");
            }
            assertError(door.get("/v1/alerts", NONE), 401, "unauthorized");
        });
    }

    @Test
    void aWebhookIntoTheOwnersNetworkIsRefusedWithItsReasonAndNotStored() {
        throughBothDoors(door -> {
            Map<String, String> refused = new java.util.LinkedHashMap<>();
            refused.put("https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address");
            refused.put("https://127.0.0.1/", "127.0.0.1 is a loopback address");
            refused.put("https://0.0.0.0/", "0.0.0.0 is an unspecified address");
            refused.put("https://[::1]/", "[::1] is a loopback address");
            refused.put("https://[::ffff:169.254.169.254]/", "link-local address");
            refused.put("https://2130706433/", "shorthand notation");
            refused.put("https://0x7f.1/", "not a plain host name");
            refused.put("https://10.1.2.3/", "10.1.2.3 is a private address");
            refused.put("https://100.64.0.1/", "shared (carrier-grade NAT)");
            refused.put("https://rebound.example.com/", "rebound.example.com is at 127.0.0.1, a loopback address");
            refused.put("https://user:pass@hooks.example.com/", "user name or password");
            refused.put("http://hooks.example.com/", "plain http");
            refused.put("file:///etc/passwd", "it must be an https URL");
            refused.put("https://localhost:8080/v1/alerts", "loopback");
            refused.forEach((webhook, reason) -> {
                FrontDoor.Answer answer = door.call("POST", "/v1/alerts", WITH_KEY,
                        ("{\"symbol\":\"AAPL\",\"kind\":\"price_above\",\"level\":5,\"webhook\":\"" + webhook + "\"}")
                                .getBytes(StandardCharsets.UTF_8));
                assertError(answer, 400, "webhook_refused");
                assertThat(answer.json().path("error").path("message").asText()).as(webhook)
                        .startsWith("'webhook' is refused: ").contains(reason).doesNotContain("pass@");
            });
            assertThat(door.get("/v1/alerts", WITH_KEY).json().path("alerts").findValuesAsText("webhook"))
                    .noneMatch(refused::containsKey);
        });
    }

    @Test
    void serverEdgesAreCleanFourHundredsThatRepeatLittleOfTheRequest() {
        throughBothDoors(door -> {
            for (String date : List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "9999-12-31", "1899-12-31",
                    "2200-01-01", "2025-02-30", "20250602", "2025-6-2")) {
                assertError(door.get("/v1/bars?symbol=AAPL&from=" + java.net.URLEncoder.encode(date, StandardCharsets.UTF_8), WITH_KEY),
                        400, "bad_request");
                assertError(door.get("/v1/signals?date=" + java.net.URLEncoder.encode(date, StandardCharsets.UTF_8), WITH_KEY),
                        400, "bad_request");
                assertError(door.call("POST", "/v1/backtest", WITH_KEY, ("{\"symbol\":\"AAPL\",\"strategy\":\"golden-cross\",\"to\":\""
                        + date + "\"}").getBytes(StandardCharsets.UTF_8)), 400, "bad_request");
            }
            assertThat(door.get("/v1/bars?symbol=AAPL&from=1900-01-01&to=2199-12-31&limit=1", WITH_KEY).status()).isEqualTo(200);
            // Case folding after validation would read aß as ASS, and the Kelvin sign as K.
            for (String symbol : List.of("a%C3%9F", "%E2%84%AApl", "AAPL%00", "%EF%BC%A1APL")) {
                FrontDoor.Answer answer = door.get("/v1/bars?symbol=" + symbol, WITH_KEY);
                assertError(answer, 400, "bad_request");
                assertThat(answer.json().path("error").path("message").asText()).startsWith("'symbol' is not a ticker");
            }
            String longName = "x".repeat(7000);
            FrontDoor.Answer echoed = door.get("/v1/bars?symbol=AAPL&" + longName + "=" + "y".repeat(300), WITH_KEY);
            assertError(echoed, 400, "bad_request");
            assertThat(echoed.body().length()).isLessThan(400);
        });
    }

    @Test
    void abusiveBodiesAreCleanFourHundredsAndTheServerCarriesOn() {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) ' ');
        String deep = "{\"symbol\":\"AAPL\",\"strategy\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        throughBothDoors(door -> {
            assertError(door.call("POST", "/v1/backtest", WITH_KEY, tenMegabytes), 413, "body_too_large");
            assertError(door.call("POST", "/v1/backtest", WITH_KEY, deep.getBytes(StandardCharsets.UTF_8)), 400, "bad_request");
            assertThat(door.get("/health", NONE).status()).isEqualTo(200);
        });
    }

    @Test
    void aMissingOrWrongKeyIsA401AndHealthStaysOpen() {
        throughBothDoors(door -> {
            assertError(door.get("/v1/bars?symbol=AAPL", NONE), 401, "unauthorized");
            assertError(door.get("/v1/bars?symbol=AAPL", Map.of("x-api-key", KEY + "x")), 401, "unauthorized");
            assertThat(door.get("/v1/bars?symbol=AAPL&limit=1", WITH_KEY).status()).isEqualTo(200);
            assertThat(door.get("/health", NONE).status()).isEqualTo(200);
        });
    }

    @Test
    void overTheRateOrTheDailyQuotaIsA429WithRetryAfter() {
        throughBothDoors(() -> router(1, 2, 100_000), door -> {
            assertThat(door.get("/v1/usage", WITH_KEY).status()).isEqualTo(200);
            assertThat(door.get("/v1/usage", WITH_KEY).status()).isEqualTo(200);
            FrontDoor.Answer limited = door.get("/v1/usage", WITH_KEY);
            assertError(limited, 429, "too_many_requests");
            assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 2L);
        });
        throughBothDoors(() -> router(1000, 1000, 3), door -> {
            for (int i = 1; i <= 3; i++) {
                assertThat(door.get("/v1/usage", WITH_KEY).json().path("requests_today").asInt()).isEqualTo(i);
            }
            FrontDoor.Answer over = door.get("/v1/usage", WITH_KEY);
            assertError(over, 429, "too_many_requests");
            // 2025-06-03T12:00Z: twelve hours to midnight UTC.
            assertThat(over.headers().get("retry-after")).isEqualTo("43200");
        });
    }

    @Test
    void unknownPathsAndWrongMethodsAreAnsweredAsSuch() {
        throughBothDoors(door -> {
            assertError(door.get("/v1/nothing", WITH_KEY), 404, "not_found");
            FrontDoor.Answer wrong = door.call("DELETE", "/v1/bars", WITH_KEY, new byte[0]);
            assertError(wrong, 405, "method_not_allowed");
            assertThat(wrong.headers().get("allow")).isEqualTo("GET");
        });
    }

    @Test
    void withoutConfiguredKeysTheLocalServerIsOpenAndTheLambdaRefusesAll() {
        Router open = new Router(RouterSettings.of(store, ServingLake.CLOCK)
                .withLimits(new RequestLimits(100, 100, 1000, ServingLake.CLOCK)).withAccess(RouterSettings.WithoutKeys.OPEN));
        try (FrontDoor door = FrontDoor.localServer(open)) {
            assertThat(door.get("/v1/usage", NONE).json().path("key").asText()).isEqualTo(Router.OPEN_ACCESS);
        }
        Router closed = new Router(RouterSettings.of(store, ServingLake.CLOCK)
                .withLimits(new RequestLimits(100, 100, 1000, ServingLake.CLOCK)).withAccess(RouterSettings.WithoutKeys.CLOSED));
        try (FrontDoor door = FrontDoor.lambda(closed)) {
            assertError(door.get("/v1/usage", Map.of("x-api-key", "anything")), 401, "unauthorized");
        }
    }

    /** A response header by name, whatever its case on the wire. */
    private static String header(FrontDoor.Answer answer, String name) {
        return answer.headers().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse("");
    }
}
