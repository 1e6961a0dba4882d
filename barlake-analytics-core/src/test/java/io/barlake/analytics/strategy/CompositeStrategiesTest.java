package io.barlake.analytics.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeStrategiesTest {
    private static final String EMA_CROSS = """
            {"name": "ema-cross", "description": "EMA 8/21 cross above the 200-day SMA",
             "components": {
               "setup":   {"expression": {"left": {"price": "close"}, "op": "GT", "right": {"indicator": "SMA", "params": [200]}}},
               "trigger": {"expression": {"left": {"indicator": "EMA", "params": [8]}, "op": "CROSS_ABOVE",
                                          "right": {"indicator": "EMA", "params": [21]}}},
               "exit":    {"expression": {"or": [
                             {"left": {"indicator": "EMA", "params": [8]}, "op": "CROSS_BELOW", "right": {"indicator": "EMA", "params": [21]}},
                             {"not": {"left": {"indicator": "RSI", "params": [14]}, "op": "LT", "right": {"constant": 80}}}]},
                           "stop_loss_percent": 7, "max_holding_sessions": 60}}}
            """;

    @Test
    void aCompositeStrategyIsBuiltFromItsJson() {
        Strategy strategy = CompositeStrategies.parse(EMA_CROSS);
        assertThat(strategy.name()).isEqualTo("ema-cross");
        assertThat(strategy.setup().describe()).isEqualTo("close > SMA(200)");
        assertThat(strategy.trigger().describe()).isEqualTo("EMA(8) crosses above EMA(21)");
        assertThat(strategy.exit().describe()).isEqualTo("EMA(8) crosses below EMA(21) OR NOT (RSI(14) < 80)");
        assertThat(strategy.exitRules().stopLossPercent()).hasValue(7);
        assertThat(strategy.exitRules().maxHoldingSessions()).hasValue(60);
    }

    @Test
    void everyPrebuiltStrategyRoundTripsThroughJsonAndTradesTheSame() {
        BarSeries bars = TestBarsAccess.randomWalk(5, 2_000);
        for (Strategy prebuilt : PrebuiltStrategies.withScreens()) {
            Strategy fromJson = CompositeStrategies.parse(CompositeStrategies.toJson(prebuilt));
            assertThat(fromJson).as(prebuilt.name()).isEqualTo(prebuilt);
            BacktestResult expected = Backtester.run(bars, prebuilt, BacktestSettings.defaults());
            BacktestResult actual = Backtester.run(bars, fromJson, BacktestSettings.defaults());
            assertThat(actual.metrics()).isEqualTo(expected.metrics());
        }
    }

    @Test
    void aStrategyCanUseAnyCatalogueFunctionAtItsDefaultsAndABadParameterNamesItsRange() {
        String json = """
                {"name": "engulf-oversold", "description": "a bullish engulfing candle while CCI is below -100",
                 "components": {
                   "setup":   {"expression": {"left": {"indicator": "CCI"}, "op": "LT", "right": {"constant": -100}}},
                   "trigger": {"expression": {"left": {"indicator": "CDLENGULFING"}, "op": "GT", "right": {"constant": 0}}},
                   "exit":    {"expression": {"left": {"indicator": "SAR", "params": [0.02, 0.2]}, "op": "GT", "right": {"price": "close"}}}}}
                """;
        Strategy strategy = CompositeStrategies.parse(json);
        BarSeries bars = TestBarsAccess.candles(3, 5_000);
        StrategySignals signals = strategy.signals(new BarContext(bars));
        double[][] prices = {bars.open(), bars.high(), bars.low(), bars.close()};
        double[] engulfing = io.barlake.analytics.catalogue.TaCatalogue.find("CDLENGULFING").orElseThrow().compute(prices, new double[0])[0];
        double[] cci = io.barlake.analytics.catalogue.TaCatalogue.find("CCI").orElseThrow()
                .compute(new double[][] {bars.high(), bars.low(), bars.close()}, new double[] {14})[0];
        int buys = 0;
        for (int i = 0; i < bars.size(); i++) {
            boolean buy = engulfing[i] > 0 && cci[i] < -100;
            assertThat(signals.at(i) == Signal.BUY).as("bar %d", i).isEqualTo(buy);
            buys += buy ? 1 : 0;
        }
        assertThat(buys).as("the rule fires on these candles").isPositive();

        String outOfRange = json.replace("{\"indicator\": \"CCI\"}", "{\"indicator\": \"CCI\", \"params\": [1]}");
        assertThatThrownBy(() -> CompositeStrategies.parse(outOfRange)).isInstanceOf(StrategyConfigException.class)
                .hasMessage("components.setup.expression.left.params[0]: time_period must be a whole number from 2 to 100000, was 1");
    }

    /** The reference design's anomaly rule, written in the grammar: volume above 1.5 × the mean of the 20 sessions before. */
    private static final String VOLUME_SPIKE = """
            {"name": "volume-spike", "description": "volume over 1.5 times its previous 20-session average, a cross within 5 bars",
             "components": {
               "setup":   {"expression": {"within": 5, "expression": {"left": {"price": "close"}, "op": "CROSS_ABOVE",
                                                                    "right": {"indicator": "SMA", "params": [10]}}}},
               "trigger": {"expression": {"left": {"price": "volume"}, "op": "GT",
                                          "right": {"mul": [{"constant": 1.5},
                                                            {"previous": {"indicator": "SMA", "params": [20], "source": "volume"}, "bars": 1}]}}},
               "exit":    {"expression": {"left": {"bars_since": {"left": {"price": "close"}, "op": "CROSS_ABOVE",
                                                                  "right": {"indicator": "SMA", "params": [10]}}},
                                          "op": "GTE", "right": {"constant": 10}}}}}
            """;

    @Test
    void arithmeticPreviousBarsWithinAndBarsSinceWriteTheVolumeSpikeRuleAndRoundTrip() {
        Strategy strategy = CompositeStrategies.parse(VOLUME_SPIKE);
        assertThat(strategy.trigger().describe()).isEqualTo("volume > 1.5 * (SMA(20) of volume)[1]");
        assertThat(strategy.setup().describe()).isEqualTo("close crosses above SMA(10) within 5 bars");
        assertThat(CompositeStrategies.parse(CompositeStrategies.toJson(strategy))).isEqualTo(strategy);

        BarSeries bars = TestBarsAccess.randomWalk(9, 3_000);
        boolean[] trigger = strategy.trigger().evaluate(new BarContext(bars));
        double[] average = io.barlake.analytics.indicators.MovingAverages.sma(bars.volume(), 20);
        int spikes = 0;
        for (int i = 0; i < bars.size(); i++) {
            boolean spike = i >= 1 && bars.volume()[i] > 1.5 * average[i - 1];
            assertThat(trigger[i]).as("bar %d", i).isEqualTo(spike);
            spikes += spike ? 1 : 0;
        }
        assertThat(spikes).isPositive();
        StrategySignals signals = strategy.signals(new BarContext(bars));
        StrategySignals fromJson = CompositeStrategies.parse(CompositeStrategies.toJson(strategy)).signalsOnDemand(new BarContext(bars));
        for (int i = 0; i < bars.size(); i++) {
            assertThat(fromJson.at(i)).as("bar %d", i).isEqualTo(signals.at(i));
        }
    }

    @Test
    void badArithmeticAndBarCountsAreNamedWithTheirPaths() {
        String oneOperand = VOLUME_SPIKE.replace("{\"mul\": [{\"constant\": 1.5},", "{\"mul\": [").replace(", \"bars\": 1}]}", ", \"bars\": 1}]}");
        assertThatThrownBy(() -> CompositeStrategies.parse(oneOperand)).isInstanceOf(StrategyConfigException.class)
                .hasMessage("components.trigger.expression.right.mul: must be an array of two operands, [a, b] for a * b");
        String number = VOLUME_SPIKE.replace("{\"constant\": 1.5}", "1.5");
        assertThatThrownBy(() -> CompositeStrategies.parse(number)).isInstanceOf(StrategyConfigException.class)
                .hasMessageStartingWith("components.trigger.expression.right.mul[0]: must be an object");
        String lookAhead = VOLUME_SPIKE.replace("\"bars\": 1}", "\"bars\": 0}");
        assertThatThrownBy(() -> CompositeStrategies.parse(lookAhead)).isInstanceOf(StrategyConfigException.class)
                .hasMessage("components.trigger.expression.right.mul[1].bars: must be a whole number of bars from 1 to 5000, was 0");
        String within = VOLUME_SPIKE.replace("\"within\": 5", "\"within\": 2.5");
        assertThatThrownBy(() -> CompositeStrategies.parse(within)).isInstanceOf(StrategyConfigException.class)
                .hasMessage("components.setup.expression.within: must be a whole number of bars from 1 to 5000, was 2.5");
    }

    /**
     * The published schema, run by networknt's JSON Schema validator, and the parser say the same:
     * every prebuilt strategy and screen passes both, and each broken document fails both, the
     * validator naming the same JSON path as the parser.
     */
    @Test
    void theSchemaValidatorAndTheParserAgreeOnEveryDocument() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (Strategy prebuilt : PrebuiltStrategies.withScreens()) {
            assertThat(StrategySchema.problems(mapper.readTree(CompositeStrategies.toJson(prebuilt)))).as(prebuilt.name()).isEmpty();
        }
        assertThat(StrategySchema.problems(mapper.readTree(VOLUME_SPIKE))).isEmpty();
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("components.trigger.expression.left.indicator", EMA_CROSS.replace("\"EMA\", \"params\": [8]}, \"op\": \"CROSS_ABOVE\"",
                "\"EMAA\", \"params\": [8]}, \"op\": \"CROSS_ABOVE\""));
        broken.put("components.exit.stop_loss_percent", EMA_CROSS.replace("\"stop_loss_percent\": 7", "\"stop_loss_percent\": 150"));
        broken.put("components.exit.max_holding_sessions", EMA_CROSS.replace("\"max_holding_sessions\": 60", "\"max_holding_sessions\": 0"));
        broken.put("components.exit", EMA_CROSS.replace("\"max_holding_sessions\": 60", "\"max_holding_days\": 60"));
        broken.put("components.trigger.expression.op", EMA_CROSS.replace("\"CROSS_ABOVE\"", "\"CROSSES\""));
        broken.put("components.trigger.expression.right.mul[1].bars", VOLUME_SPIKE.replace("\"bars\": 1}", "\"bars\": 0}"));
        broken.put("components.setup.expression.within", VOLUME_SPIKE.replace("\"within\": 5", "\"within\": 2.5"));
        broken.put("components.trigger.expression.right.mul[0]", VOLUME_SPIKE.replace("{\"constant\": 1.5}", "1.5"));
        broken.forEach((path, json) -> {
            assertThatThrownBy(() -> CompositeStrategies.parse(json)).as(path).isInstanceOf(StrategyConfigException.class);
            List<StrategyConfigException.Problem> found = StrategySchema.problems(readTree(mapper, json));
            assertThat(found).as(path).isNotEmpty()
                    .anySatisfy(problem -> assertThat(path).satisfiesAnyOf(p -> assertThat(problem.path()).isEqualTo(p),
                            p -> assertThat(p).startsWith(problem.path())));
        });
    }

    private static JsonNode readTree(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMisspeltIndicatorIsNamedWithItsPathAndASuggestion() {
        String json = EMA_CROSS.replace("\"EMA\", \"params\": [8]}, \"op\": \"CROSS_ABOVE\"", "\"EMAA\", \"params\": [8]}, \"op\": \"CROSS_ABOVE\"");
        assertThatThrownBy(() -> CompositeStrategies.parse(json)).isInstanceOf(StrategyConfigException.class)
                .hasMessage("components.trigger.expression.left.indicator: unknown indicator 'EMAA'; did you mean 'EMA'?");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String json = """
                {"name": "Bad Name", "colour": "red",
                 "components": {
                   "trigger": {"expression": {"left": {"indicator": "MACD", "params": [12, 26], "output": "signl"},
                                              "op": "CROSSES", "right": {"price": "clos"}}},
                   "exit": {"expression": {"and": []}, "stop_loss_percent": 150, "max_holding_sessions": 0,
                            "entry_bar_stop_percent": -1}}}
                """;
        StrategyConfigException problem = (StrategyConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> CompositeStrategies.parse(json));
        assertThat(problem.problems()).extracting(StrategyConfigException.Problem::toString).containsExactlyInAnyOrder(
                "colour: unknown field (expected components, description, name)",
                "name: must be 1-64 lower-case letters, digits or '-', was 'Bad Name'",
                "components.trigger.expression.left.params: MACD takes 3 parameters [fast, slow, signal], got 2",
                "components.trigger.expression.left.output: MACD has no output 'signl'; did you mean 'signal'? "
                        + "(outputs: line, signal, histogram)",
                "components.trigger.expression.right.price: unknown price 'clos'; did you mean 'close'?",
                "components.trigger.expression.op: unknown comparison 'CROSSES' "
                        + "(one of GT, LT, GTE, LTE, CROSS_ABOVE, CROSS_BELOW)",
                "components.exit.expression.and: must be a non-empty array of expressions",
                "components.exit.stop_loss_percent: must be a number > 0 and < 100, was 150",
                "components.exit.max_holding_sessions: must be a whole number >= 1, was 0",
                "components.exit.entry_bar_stop_percent: must be a number >= 0 (0: the entry bar's low) and < 100, was -1");
        assertThat(problem.getStackTrace()).as("a config error is a message, not a stack trace").isEmpty();
    }

    @Test
    void badJsonTooDeepOrTooLargeGetsOneLineAndNoRecursionBlowUp() {
        assertThatThrownBy(() -> CompositeStrategies.parse("{\"name\": \"x\",\n  \"components\": {"))
                .hasMessageStartingWith("line 2, column").hasMessageContaining("not valid JSON").hasMessageNotContaining("\n");
        String deep = "{\"name\": \"deep\", \"components\": {\"trigger\": {\"expression\": " + "{\"not\": ".repeat(1_000)
                + "{}" + "}".repeat(1_000) + "}, \"exit\": {\"expression\": {}}}}";
        assertThatThrownBy(() -> CompositeStrategies.parse(deep)).isInstanceOf(StrategyConfigException.class)
                .hasMessageContaining("nesting depth");
        String nested = "{\"name\": \"nested\", \"components\": {\"trigger\": {\"expression\": " + "{\"not\": ".repeat(20)
                + "{\"left\": {\"constant\": 1}, \"op\": \"GT\", \"right\": {\"constant\": 0}}" + "}".repeat(20)
                + "}, \"exit\": {\"expression\": {\"left\": {\"constant\": 1}, \"op\": \"GT\", \"right\": {\"constant\": 0}}}}}";
        assertThatThrownBy(() -> CompositeStrategies.parse(nested)).hasMessageContaining("nested deeper than 12 levels");
        String large = "{\"name\": \"x\", \"description\": \"" + "a".repeat(70_000) + "\"}";
        assertThatThrownBy(() -> CompositeStrategies.parse(large)).hasMessageContaining("the limit is 65536");
    }

    @Test
    void thePublishedSchemaNamesTheSameVocabularyAsTheParser() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(CompositeStrategies.schema());
        JsonNode defs = schema.get("$defs");
        assertThat(strings(defs.at("/operand/oneOf/0/properties/indicator/enum"))).isEqualTo(IndicatorCatalog.names());
        assertThat(strings(defs.at("/expression/oneOf/0/properties/op/enum")))
                .isEqualTo(Arrays.stream(Comparison.values()).map(Enum::name).toList());
        assertThat(strings(defs.at("/price/enum")))
                .isEqualTo(Arrays.stream(PriceField.values()).map(PriceField::label).toList());
        assertThat(strings(schema.at("/properties/components/properties/exit/properties")))
                .containsExactly("expression", "stop_loss_percent", "trailing_stop_percent", "take_profit_percent",
                        "max_holding_sessions", "entry_bar_stop_percent");
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else {
            node.fieldNames().forEachRemaining(values::add);
        }
        return values;
    }
}
