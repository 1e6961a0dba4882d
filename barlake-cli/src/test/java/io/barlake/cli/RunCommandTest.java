package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.fetchers.polygon.PolygonDispatcher;
import io.barlake.fetchers.polygon.PolygonReplay;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code barlake run} and {@code barlake backfill} end to end in-process, and every error path as one line. */
class RunCommandTest {
    @TempDir
    Path folder;

    private Map<String, String> environment(Path lake) {
        Map<String, String> environment = new HashMap<>();
        environment.put("BARLAKE_LAKE", lake.toString());
        environment.put("BARLAKE_SYNTHETIC_SYMBOLS", "30");
        return environment;
    }

    @Test
    void withJsonRunBackfillAndFetchPrintOnlyJsonOnStandardOutputAndTheirProgressOnStandardError() throws Exception {
        Path lake = folder.resolve("lake");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        CliRun run = CliRun.execute(environment(lake), "run", "--history", "5", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode report = json.readTree(run.out());
        assertThat(report.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(report.path("command").asText()).isEqualTo("run --history 5");
        assertThat(report.path("stages").size()).isPositive();
        assertThat(run.err()).contains("Run report: _runs/" + report.path("run_id").asText() + ".json");
        assertThat(json.readTree(Files.readString(lake.resolve("_runs/" + report.path("run_id").asText() + ".json"))))
                .as("the same report as the lake keeps").isEqualTo(report);

        CliRun backfill = CliRun.execute(environment(lake), "backfill", "--from", "2025-05-01", "--to", "2025-05-02", "--json");
        assertThat(backfill.exitCode()).as(backfill.err()).isZero();
        assertThat(json.readTree(backfill.out()).path("command").asText()).isEqualTo("backfill --from 2025-05-01 --to 2025-05-02");

        CliRun fetch = CliRun.execute(environment(lake), "fetch", "--from", "2025-04-28", "--to", "2025-04-29", "--json");
        assertThat(fetch.exitCode()).as(fetch.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode fetched = json.readTree(fetch.out());
        assertThat(fetched.path("source").asText()).isEqualTo("synthetic");
        assertThat(fetched.path("written")).hasSize(2);
        assertThat(fetched.path("written").get(0).asText()).isEqualTo("2025-04-28");
        assertThat(fetch.err()).contains("Fetched 2 sessions");
    }

    @Test
    void aFirstRunBuildsTheHistoryThroughEveryStageAndASecondChangesNoByteOfSilver() throws Exception {
        Path lake = folder.resolve("lake");
        CliRun first = CliRun.execute(environment(lake), "run", "--history", "40");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("The lake has no history yet: building 40 sessions (2025-04-04 to 2025-06-02) first.",
                "Done in", "40 sessions fetched", "Run report: _runs/");
        assertThat(first.err()).contains("✓ FetchBars", "✓ Consolidate", "✓ Resample34", "✓ Scan");
        Map<String, String> silver = hashes(lake.resolve("silver"));
        assertThat(silver).containsKeys("daily/year=2025/bars.parquet", "34d/year=2025/bars.parquet");

        CliRun status = CliRun.execute(environment(lake), "status");
        assertThat(status.out()).contains("daily bars are fresh", "SUCCEEDED", SyntheticData.WARNING);
        JsonNode json = new ObjectMapper().readTree(CliRun.execute(environment(lake), "status", "--json").out());
        assertThat(json.path("synthetic").asBoolean()).isTrue();
        assertThat(json.path("quality").path("session").asText()).isEqualTo("2025-06-02");
        assertThat(json.path("quality").path("verdict").asText()).isEqualTo("published");
        List<String> kinds = new java.util.ArrayList<>();
        json.path("quality").path("counts").fieldNames().forEachRemaining(kinds::add);
        assertThat(kinds).containsExactlyInAnyOrder("missing", "zero_volume", "stale", "spike");
        JsonNode report = json.path("latest_runs").get(0).path("counts");
        assertThat(report.path("quality_held").asLong()).isZero();
        assertThat(report.has("quality_missing")).as(report.toString()).isTrue();
        assertThat(json.path("sources").toString()).isEqualTo("[\"synthetic\"]");
        String symbol;
        try (ObjectStore store = ObjectStores.open(LakeLocation.parse(lake.toString(), "test"), Map.of())) {
            symbol = ParquetCodec.DAILY.read(store, LakeLayout.silverDaily(2025)).get(0).symbol();
        }
        CliRun backtest = CliRun.execute(environment(lake), "backtest", "--symbol", symbol, "--strategy", "golden-cross",
                "--report", folder.resolve("report.html").toString());
        assertThat(backtest.out()).as(backtest.err()).startsWith(SyntheticData.WARNING);
        assertThat(java.nio.file.Files.readString(folder.resolve("report.html"))).contains("<p class=\"warning\" role=\"alert\">Data: SYNTHETIC.");

        CliRun second = CliRun.execute(environment(lake), "run");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 sessions fetched");
        assertThat(hashes(lake.resolve("silver"))).isEqualTo(silver);
    }

    @Test
    void badDatesAreOneLineAndExitTwo() {
        Path lake = folder.resolve("lake");
        CliRun date = CliRun.execute(environment(lake), "run", "--date", "2025-13-01");
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.errLines().get(0)).startsWith("barlake: Invalid value for option '--date'");

        CliRun order = CliRun.execute(environment(lake), "backfill", "--from", "2025-05-02", "--to", "2025-05-01");
        assertThat(order.exitCode()).isEqualTo(2);
        assertThat(order.errLines()).singleElement().asString().contains("--from").contains("is after --to 2025-05-01");

        CliRun history = CliRun.execute(environment(lake), "run", "--history", "0");
        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.errLines()).singleElement().asString().contains("--history");

        Map<String, String> badClock = environment(lake);
        badClock.put("BARLAKE_NOW", "yesterday");
        CliRun now = CliRun.execute(badClock, "run");
        assertThat(now.exitCode()).isEqualTo(2);
        assertThat(now.errLines()).singleElement().asString().isEqualTo(
                "barlake: Invalid BARLAKE_NOW 'yesterday': expected an ISO-8601 instant such as 2025-06-03T22:00:00Z");

        Map<String, String> badTopic = environment(lake);
        badTopic.put("BARLAKE_ALERT_TOPIC_ARN", "barlake-alerts");
        CliRun topic = CliRun.execute(badTopic, "run");
        assertThat(topic.exitCode()).isEqualTo(2);
        assertThat(topic.errLines()).singleElement().asString().startsWith("barlake: Invalid BARLAKE_ALERT_TOPIC_ARN 'barlake-alerts'");
        assertThat(lake).doesNotExist();
    }

    @Test
    void datesAndSettingsThePipelineWouldRefuseAreOneLineAndExitTwoBeforeAnyWork() {
        Path lake = folder.resolve("lake");
        // CliRun's clock: 2025-06-03T12:00Z, before that day's close, so 2025-06-02 is the latest closed session.
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("backfill --from 1900-01-02 --to 1900-03-01", "barlake: Invalid --from '1900-01-02': Barlake's NYSE calendar covers 1990-01-01 to 2099-12-31");
        cases.put("backfill --from 2025-01-02 --to 2200-01-01", "barlake: Invalid --to '2200-01-01': Barlake's NYSE calendar covers 1990-01-01 to 2099-12-31");
        cases.put("backfill --from 2025-05-31 --to 2025-06-01", "barlake: Invalid --from '2025-05-31': there is no NYSE session from 2025-05-31 to 2025-06-01 (a Saturday)");
        cases.put("backfill --from 2025-06-03 --to 2025-06-10", "barlake: Invalid --from '2025-06-03': no session from then has closed yet; the latest closed NYSE session is 2025-06-02");
        cases.put("run --date 2025-06-03", "barlake: Invalid --date '2025-06-03': that session has not closed yet; the latest closed NYSE session is 2025-06-02");
        cases.put("run --date 2031-01-04", "barlake: Invalid --date '2031-01-04': its session 2031-01-03 has not closed yet; the latest closed NYSE session is 2025-06-02");
        cases.forEach((command, line) -> {
            CliRun run = CliRun.execute(environment(lake), command.split(" "));
            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.errLines()).as(command).containsExactly(line);
        });
        // setting, value, command, the one line
        for (String[] bad : List.of(
                new String[] {"BARLAKE_VACUUM_DAYS", "-1", "run",
                        "barlake: Invalid BARLAKE_VACUUM_DAYS '-1': expected a whole number of days, 0 to turn vacuum off"},
                new String[] {"BARLAKE_TICKER_HISTORY", "META,Meta Platforms", "run",
                        "barlake: Invalid BARLAKE_TICKER_HISTORY 'META,Meta Platforms': 'Meta Platforms' is not a ticker; "
                                + "expected tickers separated by commas, e.g. META,GOOGL"},
                new String[] {"BARLAKE_LOG_LEVEL", "bogus", "status",
                        "barlake: Invalid BARLAKE_LOG_LEVEL 'bogus': expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF"})) {
            Map<String, String> environment = environment(lake);
            environment.put(bad[0], bad[1]);
            CliRun run = CliRun.execute(environment, bad[2]);
            assertThat(run.exitCode()).as(bad[0]).isEqualTo(2);
            assertThat(run.errLines()).containsExactly(bad[3]);
        }
        assertThat(lake).as("nothing was fetched").doesNotExist();
    }

    @Test
    void aBackfillPrintsItsPlanAndAboveAnHourOfRequestsStartsOnlyWithYes() throws IOException {
        try (MockWebServer polygon = new MockWebServer()) {
            polygon.start();
            Path lake = folder.resolve("lake");
            Map<String, String> environment = environment(lake);
            environment.put("POLYGON_API_KEY", "sk-secret-123");
            environment.put("POLYGON_BASE_URL", polygon.url("/").toString());

            CliRun refused = CliRun.execute(environment, "backfill", "--from", "2005-01-03", "--to", "2025-05-30");

            int sessions = TradingCalendar.nyse().sessionsBetween(LocalDate.of(2005, 1, 3), LocalDate.of(2025, 5, 30)).size();
            int requests = sessions + 15;
            long minutes = (requests * 60L / 5 + 59) / 60; // 5 requests a minute, the free plan
            String time = "about " + minutes / 60 + " h " + minutes % 60 + " min";
            assertThat(sessions).as("twenty years of sessions").isBetween(5_100, 5_150);
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.out()).contains(String.format(java.util.Locale.ROOT, "Plan: %,d NYSE sessions from 2005-01-03 to 2025-05-30; "
                    + "0 already in bronze, %,d to fetch: about %,d requests with the reference data, %s at 5 a minute (POLYGON_RATE_LIMIT).",
                    sessions, sessions, requests, time));
            assertThat(refused.errLines()).containsExactly("barlake: this backfill takes " + time + " at 5 requests a minute; "
                    + "add --yes to start it (or backfill a shorter range, or raise POLYGON_RATE_LIMIT if your plan allows more)");
            assertThat(polygon.getRequestCount()).as("nothing was asked of the vendor").isZero();

            CliRun synthetic = CliRun.execute(environment(lake), "backfill", "--from", "2025-05-27", "--to", "2025-05-30");
            assertThat(synthetic.exitCode()).as(synthetic.err()).isZero();
            assertThat(synthetic.out()).contains("Plan: 4 NYSE sessions from 2025-05-27 to 2025-05-30; 0 already in bronze, 4 to fetch "
                    + "(no request limit on this source).");
        }
    }

    @Test
    void aSecondWriterStopsWithOneLineNamingTheRunThatHoldsTheLake() throws Exception {
        Path lake = folder.resolve("lake");
        assertThat(CliRun.execute(environment(lake), "run", "--history", "3").exitCode()).isZero();
        assertThat(lake.resolve("_state/lock.json")).as("released after the run").doesNotExist();
        String expires = java.time.Instant.now().plus(java.time.Duration.ofMinutes(5)).toString();
        java.nio.file.Files.writeString(lake.resolve("_state/lock.json"), "{\"token\":\"t\",\"host\":\"batch-7\",\"pid\":4242,"
                + "\"purpose\":\"barlake backfill --from 2020-01-02 --to 2025-05-30\",\"acquired_at\":\"2025-06-03T11:00:00Z\","
                + "\"expires_at\":\"" + expires + "\"}");
        Map<String, String> before = hashes(lake);

        for (String[] command : List.of(new String[] {"run"}, new String[] {"fetch"},
                new String[] {"backfill", "--from", "2025-05-01", "--to", "2025-05-02"})) {
            CliRun second = CliRun.execute(environment(lake), command);
            assertThat(second.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(second.errLines()).singleElement().asString().startsWith("barlake: The lake " + lake + " is being written by "
                    + "barlake backfill --from 2020-01-02 --to 2025-05-30 (process 4242 on batch-7, since 2025-06-03T11:00:00Z");
        }
        assertThat(hashes(lake)).as("nothing written").isEqualTo(before);
    }

    @Test
    void aPastWeekendDateRunsAsOfTheSessionBeforeItAndSaysSo() {
        Path lake = folder.resolve("lake");
        CliRun run = CliRun.execute(environment(lake), "run", "--date", "2025-05-31", "--history", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2025-05-31 is not an NYSE session (a Saturday); running as of 2025-05-30, the session before it.",
                "building 3 sessions (2025-05-28 to 2025-05-30) first");
    }

    @Test
    void anUnknownCommandIsAUsageErrorEvenWithHelp() {
        for (String[] args : List.of(new String[] {"optimize", "--help"}, new String[] {"optimize"}, new String[] {"status", "--bogus", "--help"})) {
            CliRun run = CliRun.execute(environment(folder.resolve("lake")), args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).as("no help printed as if it were a command").isEmpty();
            assertThat(run.errLines().get(0)).matches("barlake: Unknown (command or argument 'optimize'|option: '--bogus').*");
        }
        CliRun unknown = CliRun.execute(environment(folder.resolve("lake")), "optimize", "--help");
        assertThat(unknown.errLines().get(0)).isEqualTo(
                "barlake: Unknown command or argument 'optimize'; the commands are run, backfill, aws, keys, fetch, status, backtest, sweep, walkforward, indicators, scan, market, signal, export, serve");
        assertThat(CliRun.execute(environment(folder.resolve("lake")), "run", "--help").exitCode()).isZero();
    }

    @Test
    void serveRefusesAnOpenApiBeyondThisMachineAndABadPort() {
        Path lake = folder.resolve("lake");
        CliRun open = CliRun.execute(environment(lake), "serve", "--host", "0.0.0.0");
        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(open.errLines()).singleElement().asString()
                .isEqualTo("barlake: Invalid --host '0.0.0.0': serving beyond this machine needs BARLAKE_API_KEYS");
        CliRun port = CliRun.execute(environment(lake), "serve", "--port", "70000");
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.errLines()).singleElement().asString().contains("--port");
        Map<String, String> badKeys = environment(lake);
        badKeys.put("BARLAKE_API_KEYS", "team=notahash");
        CliRun keys = CliRun.execute(badKeys, "serve");
        assertThat(keys.exitCode()).isEqualTo(2);
        assertThat(keys.errLines()).singleElement().asString().isEqualTo(
                "barlake: Invalid BARLAKE_API_KEYS: entry 1 is not name=<64 hex digits of the key's SHA-256>");
    }

    @Test
    void anUnreachableLakeIsOneLine() {
        Map<String, String> environment = environment(folder);
        environment.put("BARLAKE_LAKE", "s3://nowhere/lake");
        environment.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "x");
        environment.put("AWS_SECRET_ACCESS_KEY", "y");
        CliRun run = CliRun.execute(environment, "run");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("barlake: ");
    }

    @Test
    void aRejectedPolygonKeyFailsTheRunWithOneLineAndNeverShowsTheKey() throws IOException {
        try (MockWebServer polygon = new MockWebServer()) {
            polygon.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                    return new MockResponse().setResponseCode(401).setBody(
                            "{\"status\":\"ERROR\",\"request_id\":\"x\",\"error\":\"Unknown API Key\"}");
                }
            });
            polygon.start();
            Path lake = folder.resolve("lake");
            Map<String, String> environment = environment(lake);
            environment.put("POLYGON_API_KEY", "sk-secret-123");
            environment.put("POLYGON_BASE_URL", polygon.url("/").toString());
            environment.put("POLYGON_RATE_LIMIT", "6000");
            CliRun run = CliRun.execute(environment, "backfill", "--from", "2025-05-28", "--to", "2025-05-30");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).filteredOn(line -> line.startsWith("barlake: "))
                    .singleElement().asString().contains("failed in FetchStage", "Polygon refused the request (HTTP 401: Unknown API Key)");
            assertThat(run.out() + run.err()).doesNotContain("sk-secret-123");
            assertThat(run.out()).contains("State: FetchStage", "Re-run them: barlake backfill --from 2025-05-28 --to 2025-05-30");
            assertThat(lake.resolve("silver")).doesNotExist();
        }
    }

    @Test
    void aPolygonBackfillAsksForExactlyTheNyseSessionsOfTheRangeAndNothingElse() throws Exception {
        PolygonDispatcher polygon = new PolygonDispatcher();
        try (MockWebServer server = new MockWebServer()) {
            Path lake = folder.resolve("lake");
            Map<String, String> environment = againstReplay(server, polygon, lake);

            CliRun run = CliRun.execute(environment, "backfill", "--from", "2024-12-20", "--to", "2025-01-10");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            // Worked out by hand: no weekends, no Christmas, no New Year's Day, no 2025-01-09 (national day
            // of mourning); Christmas Eve, a half day, is a session.
            List<LocalDate> sessions = Stream.of("2024-12-20", "2024-12-23", "2024-12-24", "2024-12-26", "2024-12-27",
                    "2024-12-30", "2024-12-31", "2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07", "2025-01-08",
                    "2025-01-10").map(LocalDate::parse).toList();
            assertThat(TradingCalendar.nyse().sessionsBetween(LocalDate.parse("2024-12-20"), LocalDate.parse("2025-01-10")))
                    .isEqualTo(sessions);
            assertThat(polygon.groupedSessions()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sessions);
            assertThat(polygon.paths()).filteredOn(path -> !path.startsWith(PolygonDispatcher.GROUPED))
                    .isNotEmpty().allMatch(path -> path.startsWith("/v3/reference/tickers") || path.startsWith("/v3/reference/splits")
                            || path.startsWith("/v3/reference/dividends?ex_dividend_date.gte=2024-12-20&ex_dividend_date.lte=")
                            || path.startsWith("/v3/reference/dividends?cursor="));
            assertThat(run.out()).contains("13 sessions fetched").doesNotContain(PolygonReplay.KEY);
            CliRun status = CliRun.execute(environment, "status");
            assertThat(status.out()).contains("Data: polygon").doesNotContain("SYNTHETIC");
            assertThat(hashes(lake.resolve("silver"))).containsKeys("daily/year=2024/bars.parquet", "daily/year=2025/bars.parquet",
                    "5d/year=2025/bars.parquet");
        }
    }

    @Test
    void aSessionThatLostMostOfItsSymbolsIsHeldTheRunFailsWithOneLineAndStatusShowsTheVerdict() throws Exception {
        PolygonDispatcher polygon = new PolygonDispatcher();
        try (MockWebServer server = new MockWebServer()) {
            Path lake = folder.resolve("lake");
            Map<String, String> environment = againstReplay(server, polygon, lake);
            assertThat(CliRun.execute(environment, "backfill", "--from", "2025-01-06", "--to", "2025-01-10").exitCode()).isZero();
            LocalDate thin = LocalDate.of(2025, 1, 13);
            long t = PolygonReplay.closeMillis(thin);
            polygon.script(thin, PolygonReplay.ok("{\"queryCount\":1,\"resultsCount\":1,\"adjusted\":false,\"results\":[{\"T\":\"AAPL\","
                    + "\"v\":4.1e7,\"vw\":186.1,\"o\":186.0,\"c\":186.2,\"h\":187.0,\"l\":185.1,\"t\":" + t + ",\"n\":50000}],"
                    + "\"status\":\"OK\",\"request_id\":\"b\",\"count\":1}"));

            CliRun held = CliRun.execute(environment, "backfill", "--from", "2025-01-13", "--to", "2025-01-13");

            assertThat(held.exitCode()).isNotZero();
            assertThat(held.errLines()).anySatisfy(line -> assertThat(line).contains("failed in Consolidate: session 2025-01-13 held by "
                    + "the quality gate: 1 symbols against 3 on 2025-01-10 (-66.7%, more than the 25% allowed by BARLAKE_QUALITY_MAX_DROP)"));
            JsonNode status = new ObjectMapper().readTree(CliRun.execute(environment, "status", "--json").out());
            assertThat(status.path("quality").path("session").asText()).isEqualTo("2025-01-13");
            assertThat(status.path("quality").path("verdict").asText()).isEqualTo("held");
            for (JsonNode watermark : status.path("watermarks")) {
                if (watermark.path("name").asText().equals("silver-daily")) {
                    assertThat(watermark.path("session").asText()).as("silver's watermark does not move").isEqualTo("2025-01-10");
                }
            }
            assertThat(status.path("watermarks").findValuesAsText("name")).contains("silver-daily");
            assertThat(CliRun.execute(environment, "status").out()).contains("Quality: 2025-01-13 held, 1 symbols (3 the session before)");
        }
    }

    /** Starts the replay server answering as Polygon and returns a lake environment that fetches from it. */
    private Map<String, String> againstReplay(MockWebServer server, PolygonDispatcher polygon, Path lake) throws IOException {
        server.setDispatcher(polygon);
        server.start();
        polygon.baseUrl(server.url("/").toString());
        Map<String, String> environment = environment(lake);
        environment.put("POLYGON_API_KEY", PolygonReplay.KEY);
        environment.put("POLYGON_BASE_URL", server.url("/").toString());
        environment.put("POLYGON_RATE_LIMIT", "6000");
        return environment;
    }

    private static Map<String, String> hashes(Path root) throws IOException, java.security.NoSuchAlgorithmException {
        Map<String, String> hashes = new TreeMap<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                hashes.put(root.relativize(file).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(file))));
            }
        }
        return hashes;
    }

}
