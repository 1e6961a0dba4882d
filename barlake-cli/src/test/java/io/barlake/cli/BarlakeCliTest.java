package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LocalObjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarlakeCliTest {
    @TempDir
    Path folder;

    private Map<String, String> lakeAt(Path lake) {
        return Map.of("BARLAKE_LAKE", lake.toString());
    }

    @Test
    void versionNamesTheProductAndVersion() {
        CliRun run = CliRun.execute(Map.of(), "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("barlake ").contains("Java 17");
    }

    @Test
    void helpListsTheCommandsTheEnvironmentAndTheExitCodes() {
        CliRun run = CliRun.execute(Map.of(), "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("run ", "status ", "BARLAKE_LAKE", "s3://bucket/prefix", "Exit codes: 0 success");
        assertThat(CliRun.execute(Map.of(), "status", "--help").out()).contains("--lake=LOCATION", "--json");
    }

    @Test
    void everyCommandsHelpIsCleanAndTheCommandListShowsWholeSentences() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocliWarnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : List.of("run", "backfill", "aws", "aws run", "aws backfill", "aws status", "keys", "keys create",
                    "keys list", "keys rotate", "keys revoke", "fetch", "status", "backtest",
                    "sweep", "walkforward", "indicators", "scan", "market", "signal", "export", "serve")) {
                List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
                args.add("--help");
                CliRun help = CliRun.execute(Map.of(), args.toArray(String[]::new));
                assertThat(help.exitCode()).as(command).isZero();
                assertThat(help.err()).as(command).isEmpty();
            }
            CliRun bare = CliRun.execute(Map.of(), "aws");
            assertThat(bare.exitCode()).as("aws without a command").isEqualTo(2);
            assertThat(bare.err()).contains("run", "backfill", "status");
        } finally {
            System.setErr(stderr);
        }
        assertThat(picocliWarnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as("picocli's own warnings").isEmpty();
        List<String> commands = CliRun.execute(Map.of(), "--help").out().lines()
                .dropWhile(line -> !line.equals("Commands:")).skip(1).takeWhile(line -> !line.isBlank()).toList();
        assertThat(commands).hasSize(16).allSatisfy(line -> assertThat(line).endsWith("."));
    }

    @Test
    void statusOfAFreshLakeSaysEmptyAndCreatesNothing() {
        Path lake = folder.resolve("lake");
        CliRun run = CliRun.execute(lakeAt(lake), "status");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Lake: " + lake.toAbsolutePath()
                + "\nempty lake: nothing fetched yet. Fill it with './barlake run'.\n");
        assertThat(run.err()).isEmpty();
        assertThat(lake).doesNotExist();
    }

    @Test
    void statusShowsWhatEachDatasetHoldsTheWatermarksFreshnessAndRuns() {
        Path lake = folder.resolve("lake");
        LakeFixtures.fill(new LocalObjectStore(lake));

        CliRun run = CliRun.execute(lakeAt(lake), "status");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).matches(
                "bronze/bars +21 +63 B +21 +- +- +2025-05-01 +2025-05-30"));
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).matches(
                "silver/daily +1 +[0-9.]+ KiB +21 +63 +3 +2025-05-01 +2025-05-30"));
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).matches(
                "silver/5d +1 +[0-9.]+ (B|KiB) +1 +1 +1 +2025-05-27 +2025-05-27"));
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).matches("silver/34d +empty"));
        // 2025-06-02 (Monday) closed before the test clock's 2025-06-03 12:00Z; the bars end 2025-05-30.
        assertThat(run.out()).contains("Freshness: latest closed NYSE session 2025-06-02: daily bars are 1 session behind");
        assertThat(run.out()).contains("bronze-bars          2025-05-30");
        assertThat(run.out()).containsPattern("20250530t210500z-abcdef +SUCCEEDED +1m12s +run");
    }

    @Test
    void statusAsJsonIsMachineReadable() throws Exception {
        Path lake = folder.resolve("lake");
        LakeFixtures.fill(new LocalObjectStore(lake));
        CliRun run = CliRun.execute(lakeAt(lake), "status", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = LakeJson.mapper().readTree(run.out());
        assertThat(json.get("empty").asBoolean()).isFalse();
        assertThat(json.get("sessions_behind").asInt()).isEqualTo(1);
        JsonNode daily = null;
        for (JsonNode dataset : json.get("datasets")) {
            daily = dataset.get("name").asText().equals("silver/daily") ? dataset : daily;
        }
        assertThat(daily).as("the silver/daily dataset").isNotNull();
        assertThat(daily.get("rows").asLong()).isEqualTo(63);
        assertThat(daily.get("symbols").asInt()).isEqualTo(3);
        assertThat(daily.get("last").asText()).isEqualTo("2025-05-30");
        assertThat(json.get("watermarks").get(0).get("session").asText()).isEqualTo("2025-05-30");
    }

    @Test
    void aMalformedLakeSettingGivesOneLineNamingItAndExitsTwo() {
        CliRun run = CliRun.execute(Map.of("BARLAKE_LAKE", "s3://"), "status");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "barlake: Invalid BARLAKE_LAKE 's3://': the bucket name is missing; expected s3://bucket/prefix");
    }

    @Test
    void theLakeFlagWinsOverTheEnvironmentAndIsNamedInErrors() {
        CliRun run = CliRun.execute(Map.of("BARLAKE_LAKE", "s3://"), "status", "--lake", folder.resolve("x").toString());
        assertThat(run.exitCode()).isZero();
        CliRun bad = CliRun.execute(Map.of(), "status", "--lake", "gs://nope");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).containsExactly(
                "barlake: Invalid --lake 'gs://nope': only local folders and s3:// locations are supported");
    }

    @Test
    void aLakeThatIsAFileIsOneClearError() throws Exception {
        Path file = java.nio.file.Files.writeString(folder.resolve("not-a-lake"), "x");
        CliRun run = CliRun.execute(lakeAt(file), "status");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("barlake: Cannot open lake folder ").endsWith("not-a-lake: it is a file, not a folder");
    }

    @Test
    void unknownOptionsAndCommandsAreUsageErrors() {
        CliRun option = CliRun.execute(Map.of(), "status", "--bogus");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.errLines()).containsExactly("barlake: Unknown option: '--bogus'",
                "Try 'barlake status --help' for more information.");
        CliRun command = CliRun.execute(Map.of(), "launch");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).startsWith("barlake: Unknown command or argument 'launch'; the commands are run, ");
    }
}
