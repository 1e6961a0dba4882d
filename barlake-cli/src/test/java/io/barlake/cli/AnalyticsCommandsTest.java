package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.analytics.indicators.Momentum;
import io.barlake.analytics.portfolio.Costs;
import io.barlake.analytics.portfolio.PortfolioBacktester;
import io.barlake.analytics.portfolio.PortfolioResult;
import io.barlake.analytics.portfolio.PortfolioSettings;
import io.barlake.analytics.portfolio.Sizing;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.resampler.Resampler;
import io.barlake.signals.scan.LakeUniverse;
import io.barlake.signals.series.LakeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code barlake backtest} and {@code barlake indicators} against a lake with two years of one symbol and a split. */
class AnalyticsCommandsTest {
    private static final LocalDate SPLIT = LocalDate.of(2024, 6, 10);
    private static final LocalDate SCAN_DAY = LocalDate.of(2024, 12, 31);
    /** A file over the size limit is refused before it is parsed: one line, not a list of problems. */
    private static final String TOO_LARGE = "larger than 65536 bytes";

    @TempDir
    Path folder;

    private Map<String, String> environment;
    private List<DailyBar> raw;

    @BeforeEach
    void fillLake() {
        Path lake = folder.resolve("lake");
        environment = Map.of("BARLAKE_LAKE", lake.toString());
        TradingCalendar calendar = TradingCalendar.nyse();
        Random random = new Random(3);
        raw = new ArrayList<>();
        double price = 100;
        Map<LocalDate, DailyCheckpoint.Session> sessions = new TreeMap<>();
        for (LocalDate day : calendar.sessionsBetween(LocalDate.of(2023, 1, 3), LocalDate.of(2024, 12, 31))) {
            double o = price;
            double c = o * (1 + random.nextGaussian() * 0.02);
            double scale = day.isBefore(SPLIT) ? 2 : 1; // a 2-for-1 split: raw prices halve on SPLIT
            raw.add(new DailyBar("WALK", day, o * scale, Math.max(o, c) * 1.01 * scale, Math.min(o, c) * 0.99 * scale,
                    c * scale, 1_000_000 / scale, null, null, "synthetic", Instant.parse("2025-01-02T00:00:00Z")));
            sessions.put(day, new DailyCheckpoint.Session("x", 1, 1, 1, 1, 0, "polygon"));
            price = c;
        }
        try (LocalObjectStore store = new LocalObjectStore(lake)) {
            ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(2023), raw.stream().filter(b -> b.date().getYear() == 2023).toList());
            ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(2024), raw.stream().filter(b -> b.date().getYear() == 2024).toList());
            ParquetCodec.SPLITS.write(store, LakeLayout.SILVER_SPLITS, List.of(new Split("WALK", SPLIT, 1, 2)));
            new StateStore(store, CliRun.CLOCK).saveCheckpoint(DailyCheckpoint.NAME, new DailyCheckpoint(sessions, Map.of()));
            new Resampler(store, calendar, CliRun.CLOCK).resample(Timeframe.D5);
        }
    }

    @Test
    void dailyBarsAreSplitAdjustedOnReadSoTheSplitLeavesNoJump() {
        try (LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"))) {
            BarSeries bars = LakeSeries.load(store, "walk", Timeframe.D1, null, null, CliRun.CLOCK);
            assertThat(bars.size()).isEqualTo(raw.size());
            int split = java.util.Arrays.asList(bars.dates()).indexOf(SPLIT);
            assertThat(bars.open()[split] / bars.close()[split - 1]).isBetween(0.9, 1.1);
            assertThat(bars.close()[0]).isCloseTo(raw.get(0).close() / 2, within(1e-9));
            assertThat(bars.volume()[0]).isCloseTo(raw.get(0).volume() * 2, within(1e-6));
        }
    }

    @Test
    void aBacktestPrintsItsMetricsAndWritesAReport() throws Exception {
        Path report = folder.resolve("out/report.html");
        CliRun run = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", "macd-crossover",
                "--report", report.toString(), "--commission-percent", "0.05");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("macd-crossover on WALK (1d), 2023-01-03 to 2024-12-31, 502 bars")
                .contains("total return").contains("Sharpe").contains("Report: " + report.toAbsolutePath());
        assertThat(Files.readString(report)).contains("<h1>macd-crossover on WALK (1d)</h1>").contains("data:image/png;base64,");
    }

    @Test
    void aContinuousBacktestFollowsTheSymbolMapAcrossARename() throws Exception {
        // Made up: the security traded as OLDW through 2023 and as WALK from 2024; silver holds 2023 under OLDW too.
        try (LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"))) {
            List<DailyBar> old = raw.stream().filter(bar -> bar.date().getYear() == 2023).map(bar -> new DailyBar("OLDW", bar.date(),
                    bar.open() / 2, bar.high() / 2, bar.low() / 2, bar.close() / 2, bar.volume(), null, null, "synthetic",
                    bar.ingestedAt())).toList();
            List<DailyBar> year = new ArrayList<>(raw.stream().filter(bar -> bar.date().getYear() == 2023).toList());
            year.addAll(old);
            ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(2023), year);
            ParquetCodec.SYMBOL_MAP.write(store, LakeLayout.SILVER_SYMBOL_MAP, List.of(
                    new io.barlake.lake.model.TickerSegment("OLDW", "BBG000TEST02", LocalDate.of(2010, 1, 4), LocalDate.of(2023, 12, 29)),
                    new io.barlake.lake.model.TickerSegment("WALK", "BBG000TEST02", LocalDate.of(2024, 1, 2), null)));
        }
        CliRun continuous = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", "golden-cross", "--json",
                "--continuity", "continuous", "--adjustment", "raw");
        assertThat(continuous.exitCode()).as(continuous.err()).isZero();
        JsonNode answer = new ObjectMapper().readTree(continuous.out());
        assertThat(answer.path("continuity").asText()).isEqualTo("continuous");
        assertThat(answer.path("from").asText()).isEqualTo("2023-01-03");
        assertThat(answer.path("to").asText()).isEqualTo("2024-12-31");

        try (LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"))) {
            BarSeries stitched = LakeSeries.load(store, "WALK", Timeframe.D1, null, null, CliRun.CLOCK,
                    io.barlake.lake.read.Adjustment.RAW, io.barlake.lake.read.Continuity.CONTINUOUS);
            assertThat(stitched.size()).isEqualTo(raw.size());
            assertThat(stitched.close()[0]).as("OLDW's bar, not WALK's").isEqualTo(raw.get(0).close() / 2);
            assertThat(stitched.close()[raw.size() - 1]).isEqualTo(raw.get(raw.size() - 1).close());
        }
        CliRun bad = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", "golden-cross", "--continuity", "always");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).containsExactly("barlake: Invalid --continuity 'always': expected ticker or continuous");
    }

    @Test
    void aBacktestOnFiveSessionBarsGivesJson() throws Exception {
        CliRun run = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", "rsi-momentum",
                "--timeframe", "5d", "--from", "2023-03-01", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("timeframe").asText()).isEqualTo("5d");
        assertThat(json.get("from").asText()).isGreaterThanOrEqualTo("2023-03-01");
        assertThat(json.get("metrics").get("trades").asInt()).isEqualTo(json.get("trades").size());
        assertThat(json.get("metrics").get("max_drawdown").isNumber()).isTrue();
    }

    @Test
    void aCompositeStrategyFileWithProblemsListsThemAllAndExitsWithUsage() throws Exception {
        Path file = folder.resolve("bad.json");
        Files.writeString(file, """
                {"name": "bad", "components": {"trigger": {"expression": {"left": {"indicator": "EMAA", "params": [8]},
                 "op": "GT", "right": {"constant": 1}}}}}""");
        CliRun run = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("barlake: --strategy " + file + ": 2 problems:",
                "  components.trigger.expression.left.indicator: unknown indicator 'EMAA'; did you mean 'EMA'?",
                "  components.exit: missing");
    }

    @Test
    void eachKindOfInvalidCompositeConfigGetsItsErrorsExitTwoAndNothingElse() throws Exception {
        String exit = "\"exit\": {\"expression\": {\"left\": {\"price\": \"close\"}, \"op\": \"LT\", \"right\": {\"constant\": 1}}}";
        String comparison = "{\"left\": {\"price\": \"close\"}, \"op\": \"GT\", \"right\": {\"constant\": 1}}";
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"name\": \"x\", \"components\": {\"trigger\": {\"expression\": {\"left\": {\"indicator\": \"RSII\", "
                + "\"params\": [14]}, \"op\": \"GT\", \"right\": {\"constant\": 70}}}, " + exit + "}}",
                List.of("components.trigger.expression.left.indicator: unknown indicator 'RSII'; did you mean 'RSI'?"));
        cases.put("{\"name\": \"x\", \"components\": {" + exit + "}}", List.of("components.trigger: missing"));
        cases.put("{\"name\": \"x\", \"components\": {\"trigger\": {\"expression\": {\"left\": {\"indicator\": \"CCI\", "
                + "\"params\": [1]}, \"op\": \"GT\", \"right\": {\"constant\": 100}}}, " + exit + "}}",
                List.of("components.trigger.expression.left.params[0]: time_period must be a whole number from 2 to 100000, was 1"));
        cases.put("{\"name\": \"x\", \"components\": {\"trigger\": {\"expression\": {\"left\": {\"price\": \"volume\"}, "
                + "\"op\": \"GT\", \"right\": {\"mul\": [{\"constant\": 1.5}, " + comparison + "]}}}, " + exit + "}}",
                List.of("components.trigger.expression.right.mul[1]: needs one of indicator, price, constant, add, sub, mul, div,"
                        + " previous or bars_since"));
        cases.put("{\"name\": \"x\", \"components\": {\"trigger\": {\"expression\": {\"left\": {\"indicator\": \"SMA\", "
                + "\"params\": \"20\"}, \"op\": 5, \"right\": {\"constant\": \"high\"}}}, " + exit + "}}",
                List.of("components.trigger.expression.left.params: SMA takes 1 parameters [period], got no array",
                        "components.trigger.expression.right.constant: must be a finite number",
                        "components.trigger.expression.op: must be a string"));
        cases.put("{\"name\": \"x\", \"components\": {\"trigger\": {\"expression\": " + "{\"not\": ".repeat(13) + comparison
                + "}".repeat(13) + "}, " + exit + "}}",
                List.of("components.trigger.expression" + ".not".repeat(12) + ": nested deeper than 12 levels"));
        cases.put("{\"name\": \"x\", \"components\": {\"trigger\": {\"expression\": {\"and\": ["
                + String.join(",", java.util.Collections.nCopies(60, comparison)) + "]}}, " + exit + "}}",
                List.of("components.trigger.expression.and: 60 expressions; the limit is 50"));
        cases.put("{\"name\": \"x\", \"components\": {\"trigger\": {\"expression\": {\"left\": {\"indicator\": \"SMA\", "
                + "\"params\": [" + String.join(",", java.util.Collections.nCopies(100_000, "1")) + "]}, \"op\": \"GT\", "
                + "\"right\": {\"constant\": 1}}}, " + exit + "}}",
                List.of(TOO_LARGE));
        int n = 0;
        for (Map.Entry<String, List<String>> kind : cases.entrySet()) {
            Path file = folder.resolve("bad" + n++ + ".json");
            Files.writeString(file, kind.getKey());
            CliRun run = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", file.toString());
            assertThat(run.exitCode()).as(kind.getValue().toString()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            if (kind.getValue().equals(List.of(TOO_LARGE))) {
                assertThat(run.errLines()).singleElement().asString().endsWith(TOO_LARGE);
                continue;
            }
            List<String> expected = new ArrayList<>();
            if (kind.getValue().size() == 1) {
                expected.add("barlake: --strategy " + file + ": " + kind.getValue().get(0)); // one problem, one line
            } else {
                expected.add("barlake: --strategy " + file + ": " + kind.getValue().size() + " problems:");
                kind.getValue().forEach(line -> expected.add("  " + line));
            }
            assertThat(run.errLines()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aOneSlotPortfolioOfOneSymbolTradesAsTheSingleSymbolBacktestAndNamesItsBenchmark() throws Exception {
        for (String name : List.of("golden-cross", "rsi-momentum", "bollinger-breakout")) {
            CliRun single = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", name, "--json");
            CliRun portfolio = CliRun.execute(environment, "backtest", "--universe", "walk", "--strategy", name, "--max-positions", "1",
                    "--json");
            assertThat(portfolio.exitCode()).as(portfolio.err()).isZero();
            JsonNode one = new ObjectMapper().readTree(single.out());
            JsonNode many = new ObjectMapper().readTree(portfolio.out());
            assertThat(many.get("metrics").get("total_return").asDouble()).as(name)
                    .isCloseTo(one.get("metrics").get("total_return").asDouble(), within(1e-12));
            assertThat(many.get("trades").size()).isEqualTo(one.get("trades").size()).isPositive();
            for (int t = 0; t < one.get("trades").size(); t++) {
                assertThat(many.get("trades").get(t).get("entry_date")).isEqualTo(one.get("trades").get(t).get("entry_date"));
                assertThat(many.get("trades").get(t).get("exit_date")).isEqualTo(one.get("trades").get(t).get("exit_date"));
            }
            // No SPY in this lake: the benchmark is the equal-weight universe, here WALK held.
            assertThat(many.get("metrics").get("benchmark").asText()).isEqualTo("equal-weight universe");
            JsonNode lastPoint = many.get("equity").get(many.get("equity").size() - 1);
            assertThat(lastPoint.get("benchmark").asDouble() / 100_000 - 1).isCloseTo(
                    many.get("metrics").get("benchmark_return").asDouble(), within(1e-12));
        }
        CliRun text = CliRun.execute(environment, "backtest", "--universe", "all", "--strategy", "golden-cross", "--costs",
                "share:0.005,min:1,slippage-bps:5", "--sizing", "fraction:0.5");
        assertThat(text.out()).contains("golden-cross on 1 symbols", "at most 10 positions, fixed fraction 0.5",
                "costs per share 0.005, minimum 1, slippage 5 bps", "against equal-weight universe", "alpha", "excess");
    }

    @Test
    void aPortfolioReinvestsDividendsWhenTheLakeHasThemAndTradesBothSidesWhenAsked() throws Exception {
        LocalDate exDate = LocalDate.of(2024, 11, 14);
        List<BarSeries> split;
        List<BarSeries> total;
        try (LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"))) {
            ParquetCodec.DIVIDENDS.write(store, LakeLayout.SILVER_DIVIDENDS, List.of(new io.barlake.lake.model.Dividend("WALK", exDate, 0.5, "CD")));
            split = LakeUniverse.daily(store, SCAN_DAY, java.util.Set.of("WALK"), false);
            total = LakeUniverse.daily(store, SCAN_DAY, java.util.Set.of("WALK"), true);
        }
        Strategy strategy = io.barlake.analytics.strategy.PrebuiltStrategies.find("rsi-momentum").orElseThrow();
        PortfolioSettings settings = new PortfolioSettings(100_000, 1, new Sizing.EqualWeight(), new Costs(0, 0, 0, 0, 0, 0, 300), 252,
                PortfolioSettings.Direction.LONG_SHORT);
        String[] command = {"backtest", "--universe", "WALK", "--strategy", "rsi-momentum", "--max-positions", "1", "--direction",
            "long-short", "--costs", "borrow:300", "--rank", "-rsi:14", "--json"};
        JsonNode byDefault = new ObjectMapper().readTree(CliRun.execute(environment, command).out());
        assertThat(byDefault.get("adjustment").asText()).isEqualTo("total_return");
        assertThat(byDefault.get("settings").get("direction").asText()).isEqualTo("long-short");
        assertThat(byDefault.get("settings").get("rank").asText()).isEqualTo("RSI(14), lowest first");
        io.barlake.analytics.portfolio.Rank rank = io.barlake.analytics.portfolio.Rank.parse("-rsi:14");
        PortfolioResult reinvested = PortfolioBacktester.run(total, strategy, settings, rank);
        assertThat(byDefault.get("metrics").get("total_return").asDouble()).isCloseTo(reinvested.finalEquity() / 100_000 - 1,
                within(1e-12));
        assertThat(byDefault.get("trades").findValuesAsText("side")).contains("LONG", "SHORT");
        assertThat(byDefault.get("trades").findValues("borrow_cost").stream().mapToDouble(JsonNode::asDouble).sum()).isPositive();

        String[] asSplit = java.util.Arrays.copyOf(command, command.length + 2);
        asSplit[command.length] = "--adjustment";
        asSplit[command.length + 1] = "split";
        JsonNode splitOnly = new ObjectMapper().readTree(CliRun.execute(environment, asSplit).out());
        assertThat(splitOnly.get("adjustment").asText()).isEqualTo("split");
        assertThat(splitOnly.get("metrics").get("total_return").asDouble()).isCloseTo(
                PortfolioBacktester.run(split, strategy, settings, rank).finalEquity() / 100_000 - 1, within(1e-12));
        // The dividend lifts every price before it by the same factor: the two readings differ.
        assertThat(total.get(0).close()[0]).isLessThan(split.get(0).close()[0]);

        asSplit[command.length + 1] = "raw";
        CliRun raw = CliRun.execute(environment, asSplit);
        assertThat(raw.exitCode()).isEqualTo(2);
        assertThat(raw.out()).isEmpty();
        assertThat(raw.errLines()).singleElement().asString()
                .isEqualTo("barlake: Invalid --adjustment 'raw': a portfolio reads split or total_return bars, not raw");
        CliRun sideways = CliRun.execute(environment, "backtest", "--universe", "all", "--strategy", "golden-cross", "--direction", "up");
        assertThat(sideways.exitCode()).isEqualTo(2);
        assertThat(sideways.errLines()).singleElement().asString()
                .isEqualTo("barlake: Invalid --direction 'up': direction must be long or long-short, was 'up'");
    }

    @Test
    void aSweepRunsEveryCombinationAndEachRowIsWhatItsBacktestGives() throws Exception {
        String template = """
                {"name": "sma-cross", "components": {
                  "trigger": {"expression": {"left": {"indicator": "SMA", "params": ["$fast"]}, "op": "CROSS_ABOVE",
                                             "right": {"indicator": "SMA", "params": ["$slow"]}}},
                  "exit": {"expression": {"left": {"indicator": "SMA", "params": ["$fast"]}, "op": "CROSS_BELOW",
                                          "right": {"indicator": "SMA", "params": ["$slow"]}}}}}""";
        Path file = folder.resolve("cross.json");
        Files.writeString(file, template);
        CliRun sweep = CliRun.execute(environment, "sweep", "--symbol", "WALK", "--strategy", file.toString(), "--param", "fast=10:30:10",
                "--param", "slow=50,100", "--metric", "total_return", "--json");
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(sweep.out()).get("rows");
        assertThat(rows).hasSize(6);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i - 1).get("metrics").get("total_return").asDouble())
                    .isGreaterThanOrEqualTo(rows.get(i).get("metrics").get("total_return").asDouble());
        }
        JsonNode best = rows.get(0);
        Path filled = folder.resolve("best.json");
        Files.writeString(filled, template.replace("\"$fast\"", String.valueOf(best.get("fast").asLong()))
                .replace("\"$slow\"", String.valueOf(best.get("slow").asLong())));
        CliRun alone = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", filled.toString(), "--json");
        assertThat(new ObjectMapper().readTree(alone.out()).get("metrics")).isEqualTo(best.get("metrics"));

        Path heatmap = folder.resolve("sweep.html");
        CliRun text = CliRun.execute(environment, "sweep", "--symbol", "WALK", "--strategy", file.toString(), "--param", "fast=10:30:10",
                "--param", "slow=50,100", "--top", "2", "--report", heatmap.toString());
        String page = Files.readString(heatmap);
        assertThat(page).contains("id=\"heatmap\"", "sharpe by fast (down) and slow (across)", "<th>10</th>", "<th>100</th>",
                "class=\"best\"", "id=\"rows\"").doesNotContain("src=\"http");
        assertThat(page.split("<td class=\"best\"", -1)).hasSize(2);
        assertThat(text.out().lines()).hasSize(4).first().asString().startsWith("6 combinations on WALK (1d)");
        CliRun walk = CliRun.execute(environment, "walkforward", "--symbol", "WALK", "--strategy", file.toString(), "--param",
                "fast=10:30:10", "--param", "slow=50,100", "--train", "200", "--test", "50");
        assertThat(walk.exitCode()).as(walk.err()).isZero();
        // 2023-2024: 502 sessions, windows of 200 + 50 stepping by 50: six.
        assertThat(walk.out().lines().toList()).hasSize(9).first().asString().startsWith("6 windows on WALK (1d) of 200 training and 50 test bars");
        assertThat(walk.out()).contains("Mean Sharpe in sample", "out of sample", "chained");
        CliRun tooLong = CliRun.execute(environment, "walkforward", "--symbol", "WALK", "--strategy", file.toString(), "--param",
                "fast=10", "--param", "slow=50", "--train", "600");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.errLines()).singleElement().asString().contains("WALK has 502 bars; one window needs 726");
        CliRun missing = CliRun.execute(environment, "sweep", "--symbol", "WALK", "--strategy", file.toString(), "--param", "fast=5:10:5",
                "--param", "period=14");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().contains("the strategy has no \"$period\" to fill");
        CliRun steps = CliRun.execute(environment, "sweep", "--symbol", "WALK", "--strategy", file.toString(), "--param", "fast=10:5:1",
                "--param", "slow=50");
        assertThat(steps.exitCode()).isEqualTo(2);
        assertThat(steps.errLines()).singleElement().asString().contains("values as FROM:TO:STEP (step > 0, FROM <= TO) or V1,V2,...");
    }

    @Test
    void badPortfolioSettingsGetOneLineNamingWhatIsAllowed() {
        CliRun sizing = CliRun.execute(environment, "backtest", "--universe", "all", "--strategy", "golden-cross", "--sizing", "kelly");
        assertThat(sizing.exitCode()).isEqualTo(2);
        assertThat(sizing.errLines()).singleElement().asString().startsWith("barlake: Invalid --sizing 'kelly': ")
                .contains("equal, fraction:F (0 < F <= 1)");
        CliRun costs = CliRun.execute(environment, "backtest", "--universe", "all", "--strategy", "golden-cross", "--costs", "fee:1");
        assertThat(costs.exitCode()).isEqualTo(2);
        assertThat(costs.errLines()).singleElement().asString().startsWith("barlake: Invalid --costs 'fee:1': unknown cost 'fee:1'");
        CliRun rank = CliRun.execute(environment, "backtest", "--universe", "all", "--strategy", "golden-cross", "--rank", "rsi:14,sma:5");
        assertThat(rank.exitCode()).isEqualTo(2);
        assertThat(rank.errLines()).singleElement().asString().startsWith("barlake: Invalid --rank 'rsi:14,sma:5': rank by one indicator")
                .contains("a leading '-' ranks lowest first");
        CliRun both = CliRun.execute(environment, "backtest", "--universe", "all", "--symbol", "WALK", "--strategy", "golden-cross");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.errLines()).singleElement().asString().contains("give --symbol TICKER or --universe all|A,B,C, one of them");
        CliRun picks = CliRun.execute(environment, "backtest", "--universe", "picks", "--strategy", "golden-cross");
        assertThat(picks.exitCode()).isEqualTo(2);
        assertThat(picks.errLines()).singleElement().asString().contains("no scan picks for 2024-12-31; run barlake scan first");
        CliRun none = CliRun.execute(environment, "backtest", "--universe", "NOPE", "--strategy", "golden-cross");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.errLines()).singleElement().asString().contains("no symbol of it has daily bars in the lake");
    }

    @Test
    void badArgumentsGetOneLineAndTheRightExitCode() {
        CliRun unknownStrategy = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", "golden-cros");
        assertThat(unknownStrategy.exitCode()).isEqualTo(2);
        assertThat(unknownStrategy.errLines()).singleElement().asString()
                .startsWith("barlake: Invalid --strategy 'golden-cros': unknown strategy; did you mean 'golden-cross'?");

        CliRun unknownSymbol = CliRun.execute(environment, "backtest", "--symbol", "NOPE", "--strategy", "golden-cross");
        assertThat(unknownSymbol.exitCode()).isEqualTo(1);
        assertThat(unknownSymbol.errLines()).singleElement().asString().startsWith("barlake: No 1d bars for NOPE in ");

        CliRun badSymbol = CliRun.execute(environment, "backtest", "--symbol", "../../x", "--strategy", "golden-cross");
        assertThat(badSymbol.exitCode()).isEqualTo(2);
        assertThat(badSymbol.errLines()).singleElement().asString().contains("not a ticker");

        CliRun badTimeframe = CliRun.execute(environment, "backtest", "--symbol", "WALK", "--strategy", "golden-cross",
                "--timeframe", "4d");
        assertThat(badTimeframe.exitCode()).isEqualTo(2);
        assertThat(badTimeframe.errLines()).singleElement().asString().contains("Unknown timeframe '4d'");
    }

    @Test
    void aScanRanksTheSessionsUniverseAndWritesGoldSignals() throws Exception {
        Path always = folder.resolve("always.json");
        Files.writeString(always, """
                {"name": "always-long", "components": {
                  "trigger": {"expression": {"left": {"price": "close"}, "op": "GT", "right": {"constant": 0}}},
                  "exit": {"expression": {"left": {"price": "close"}, "op": "LT", "right": {"constant": 0}}}}}""");

        CliRun run = CliRun.execute(environment, "scan", "--date", "2024-12-31", "--strategy", always.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scan of 2024-12-31: 1 symbols, timeframes 1d,3d,5d,8d,13d,21d,34d, 1 strategies: 1 picks")
                .contains("Wrote gold/signals/date=2024-12-31/signals.parquet");
        try (LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"))) {
            List<io.barlake.lake.model.SignalPick> picks = ParquetCodec.SIGNALS.read(store, LakeLayout.signals(SCAN_DAY));
            assertThat(picks).singleElement().satisfies(pick -> {
                assertThat(pick.rank()).isEqualTo(1);
                assertThat(pick.symbol()).isEqualTo("WALK");
                assertThat(pick.signal()).isEqualTo("BUY");
                assertThat(pick.score()).isEqualTo(1.0);
                // Every timeframe votes, built from the daily bars (the lake stores only 5d here): its latest complete bar.
                assertThat(pick.timeframes()).isEqualTo("1d:BUY,3d:BUY,5d:BUY,8d:BUY,13d:BUY,21d:BUY,34d:BUY");
                assertThat(pick.explanation()).isEqualTo("1d BUY: close > 0; 3d BUY: close > 0; 5d BUY: close > 0; 8d BUY: close > 0; "
                        + "13d BUY: close > 0; 21d BUY: close > 0; 34d BUY: close > 0");
            });
        }

        CliRun prebuilt = CliRun.execute(environment, "scan", "--json");
        assertThat(prebuilt.exitCode()).as(prebuilt.err()).isZero();
        assertThat(new ObjectMapper().readTree(prebuilt.out()).isArray()).isTrue();

        CliRun noSession = CliRun.execute(environment, "scan", "--date", "2030-01-02");
        assertThat(noSession.exitCode()).isEqualTo(1);
        assertThat(noSession.errLines()).singleElement().asString().startsWith("barlake: No symbol has a daily bar on 2030-01-02");
    }

    @Test
    void aTotalReturnScanReinvestsDividendsInTheDailyBarsAndRawIsRefused() {
        LocalDate exDate = LocalDate.of(2024, 11, 14);
        try (LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"))) {
            ParquetCodec.DIVIDENDS.write(store, LakeLayout.SILVER_DIVIDENDS, List.of(new io.barlake.lake.model.Dividend("WALK", exDate, 0.5, "CD")));
            BarSeries split = LakeUniverse.load(store, SCAN_DAY, List.of(Timeframe.D1), java.util.Set.of()).get("WALK").get(0).bars();
            BarSeries total = LakeUniverse.load(store, SCAN_DAY, List.of(Timeframe.D1), java.util.Set.of(), true).get("WALK").get(0).bars();
            int ex = java.util.Arrays.asList(split.dates()).indexOf(exDate);
            double factor = 1 - 0.5 / split.close()[ex - 1];
            assertThat(total.close()[0]).isCloseTo(split.close()[0] * factor, within(1e-9));
            assertThat(total.close()[ex - 1]).isCloseTo(split.close()[ex - 1] * factor, within(1e-9));
            assertThat(total.close()[ex]).isEqualTo(split.close()[ex]);
        }
        CliRun scan = CliRun.execute(environment, "scan", "--adjustment", "total_return", "--top", "1");
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        CliRun raw = CliRun.execute(environment, "scan", "--adjustment", "raw");
        assertThat(raw.exitCode()).isEqualTo(2);
        assertThat(raw.errLines()).singleElement().asString()
                .isEqualTo("barlake: Invalid --adjustment 'raw': the scan reads split or total_return bars, not raw");
    }

    @Test
    void indicatorsReadASymbolFromTheLakeAdjustedAsAsked() throws Exception {
        CliRun run = CliRun.execute(environment, "indicators", "--symbol", "walk", "--spec", "sma:3", "--from", "2024-06-05",
                "--to", "2024-06-12");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,open,high,low,close,volume,sma_3");
        assertThat(lines).hasSize(7); // 2024-06-05 .. 2024-06-12: six sessions
        String[] splitDay = lines.stream().filter(line -> line.startsWith(SPLIT.toString())).findFirst().orElseThrow().split(",");
        String[] before = lines.get(lines.indexOf(String.join(",", splitDay)) - 1).split(",");
        // Split-adjusted (the default): the 2-for-1 split on 2024-06-10 leaves no jump.
        assertThat(Double.parseDouble(splitDay[1]) / Double.parseDouble(before[4])).isBetween(0.9, 1.1);
        assertThat(lines.get(1).split(",", -1)[6]).as("warm-up inside the range: the window starts at --from").isEmpty();

        CliRun asTraded = CliRun.execute(environment, "indicators", "--symbol", "WALK", "--spec", "sma:3", "--adjustment", "raw",
                "--from", "2024-06-07", "--to", "2024-06-07");
        assertThat(asTraded.out().lines().toList().get(1)).startsWith("2024-06-07,"
                + raw.stream().filter(bar -> bar.date().equals(LocalDate.of(2024, 6, 7))).findFirst().orElseThrow().open());

        CliRun both = CliRun.execute(environment, "indicators", "--symbol", "WALK", "--csv", "x.csv", "--spec", "sma:3");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void indicatorsAddColumnsToACsvWithEmptyWarmUpCells() throws Exception {
        Path csv = folder.resolve("bars.csv");
        StringBuilder text = new StringBuilder("Date,Open,High,Low,Close,Volume,Ignored\n");
        for (DailyBar bar : raw.subList(0, 60)) {
            text.append(bar.date()).append(',').append(bar.open()).append(',').append(bar.high()).append(',')
                    .append(bar.low()).append(',').append(bar.close()).append(',').append(bar.volume()).append(",x\n");
        }
        Files.writeString(csv, text);
        Path out = folder.resolve("with-indicators.csv");

        CliRun run = CliRun.execute(environment, "indicators", "--csv", csv.toString(), "--spec", "rsi:14,macd:12:26:9,bbands:20:2",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("date,open,high,low,close,volume,rsi_14,macd_12_26_9_line,macd_12_26_9_signal,"
                + "macd_12_26_9_histogram,bbands_20_2_middle,bbands_20_2_upper,bbands_20_2_lower,bbands_20_2_percent_b,"
                + "bbands_20_2_width");
        assertThat(lines).hasSize(61);
        double[] closes = raw.subList(0, 60).stream().mapToDouble(DailyBar::close).toArray();
        double[] rsi = Momentum.rsi(closes, 14);
        assertThat(lines.get(14).split(",", -1)[6]).isEmpty();
        assertThat(Double.parseDouble(lines.get(15).split(",", -1)[6])).isEqualTo(rsi[14]);

        CliRun badSpec = CliRun.execute(environment, "indicators", "--csv", csv.toString(), "--spec", "emaa:20");
        assertThat(badSpec.exitCode()).isEqualTo(2);
        assertThat(badSpec.errLines()).singleElement().asString()
                .isEqualTo("barlake: Invalid --spec 'emaa': unknown indicator; did you mean 'EMA'?");
    }

    @Test
    void indicatorsListEveryTaLibFunctionWithItsDefaultsRangesAndColumns() throws Exception {
        CliRun run = CliRun.execute(environment, "indicators", "--list", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(run.out());
        List<String> names = new ArrayList<>();
        list.forEach(entry -> names.add(entry.get("name").asText()));
        assertThat(names).containsAll(io.barlake.analytics.catalogue.TaCatalogue.all().stream()
                .map(io.barlake.analytics.catalogue.TaFunction::name).toList()).contains("KELTNER", "VWAP").doesNotHaveDuplicates();
        JsonNode cci = list.findParents("name").stream().filter(entry -> entry.get("name").asText().equals("CCI")).findFirst().orElseThrow();
        assertThat(cci.get("group").asText()).isEqualTo("Momentum Indicators");
        assertThat(cci.at("/parameters/0/name").asText()).isEqualTo("time_period");
        assertThat(cci.at("/parameters/0/default").asDouble()).isEqualTo(14);
        assertThat(cci.at("/parameters/0/allowed").asText()).isEqualTo("a whole number from 2 to 100000");
        assertThat(cci.at("/outputs/0/column").asText()).isEqualTo("cci_14");
        assertThat(cci.get("lookback").asInt()).isEqualTo(13);

        CliRun text = CliRun.execute(environment, "indicators", "--list");
        assertThat(text.out().lines()).anySatisfy(line -> assertThat(line).startsWith("CDLENGULFING").contains("Pattern Recognition"))
                .anySatisfy(line -> assertThat(line).startsWith("CORREL").endsWith("catalogue only (two series)"));

        CliRun schema = CliRun.execute(environment, "indicators", "--schema");
        assertThat(new ObjectMapper().readTree(schema.out()).at("/$defs/operand/oneOf/0/properties/indicator/enum").toString())
                .contains("\"CDLENGULFING\"", "\"HT_SINE\"", "\"KELTNER\"");
    }

    @Test
    void aSpecOfNamesAloneUsesTheDefaultsAndABadParameterNamesWhatIsAllowed() throws Exception {
        Path csv = folder.resolve("bars.csv");
        StringBuilder text = new StringBuilder("date,open,high,low,close,volume\n");
        for (DailyBar bar : raw.subList(0, 80)) {
            text.append(bar.date()).append(',').append(bar.open()).append(',').append(bar.high()).append(',')
                    .append(bar.low()).append(',').append(bar.close()).append(',').append(bar.volume()).append('\n');
        }
        Files.writeString(csv, text);

        CliRun run = CliRun.execute(environment, "indicators", "--csv", csv.toString(), "--spec", "cdlengulfing,macd,stochrsi,cci");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,open,high,low,close,volume,cdlengulfing,macd_12_26_9_line,macd_12_26_9_signal,"
                + "macd_12_26_9_histogram,stochrsi_14_5_3_0_fast_k,stochrsi_14_5_3_0_fast_d,cci_14");
        double[][] bars = new double[4][80];
        for (int i = 0; i < 80; i++) {
            DailyBar bar = raw.get(i);
            bars[0][i] = bar.open();
            bars[1][i] = bar.high();
            bars[2][i] = bar.low();
            bars[3][i] = bar.close();
        }
        double[] cci = io.barlake.analytics.catalogue.TaCatalogue.find("CCI").orElseThrow()
                .compute(new double[][] {bars[1], bars[2], bars[3]}, new double[] {14})[0];
        assertThat(lines.get(13).split(",", -1)[12]).as("warm-up").isEmpty();
        assertThat(Double.parseDouble(lines.get(14).split(",", -1)[12])).isEqualTo(cci[13]);

        CliRun bad = CliRun.execute(environment, "indicators", "--csv", csv.toString(), "--spec", "cci:1");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).singleElement().asString()
                .isEqualTo("barlake: Invalid --spec 'cci:1': time_period must be a whole number from 2 to 100000");
        CliRun none = CliRun.execute(environment, "indicators", "--csv", csv.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.errLines()).singleElement().asString().contains("--spec").contains("--list");
    }
}
