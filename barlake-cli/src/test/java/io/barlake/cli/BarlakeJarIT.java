package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged, shaded jar run as a real process, the way the ./barlake launcher runs it. */
class BarlakeJarIT {
    private static final Path JAR = PackagedJar.JAR;

    @TempDir
    Path folder;

    record Result(int exitCode, String out, String err) {}

    private Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PackagedJar.barlake(args)).directory(folder.toFile());
        builder.environment().remove("BARLAKE_LAKE");
        builder.environment().putAll(environment);
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void statusOnTheDefaultLakeOfAFreshFolderSaysEmptyLake() throws Exception {
        assertThat(JAR).exists();
        Result result = run(Map.of(), "status");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Lake: " + folder.toAbsolutePath().resolve("lake")
                + "\nempty lake: nothing fetched yet. Fill it with './barlake run'.\n");
        assertThat(result.err()).as("no library noise on stderr").isEmpty();
    }

    @Test
    void aMalformedSettingIsExactlyOneLineOnStderr() throws Exception {
        Result result = run(Map.of("BARLAKE_LAKE", "s3://"), "status");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly(
                "barlake: Invalid BARLAKE_LAKE 's3://': the bucket name is missing; expected s3://bucket/prefix");
    }

    @Test
    void serveAnswersHealthOnThePortItPrintsAndStopsOnSigterm() throws Exception {
        Process server = new ProcessBuilder(PackagedJar.barlake("serve", "--port", "0"))
                .directory(folder.toFile()).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertThat(first).as("first line").matches("Serving .* on http://127\\.0\\.0\\.1:\\d+/");
            String base = first.substring(first.indexOf("http://"));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "health")).build(), HttpResponse.BodyHandlers.ofString());
            // An empty lake answers: reachable, nothing consolidated yet, so not fresh.
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"reachable\":true", "\"status\":\"stale\"");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        }
    }

    @Test
    void versionComesFromTheBuild() throws Exception {
        Result result = run(Map.of(), "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("barlake 0.").doesNotContain("${project.version}");
    }

    /**
     * A stage that fails inside {@code run} (here the consolidator, which finds a folder where a year
     * file must be rebuilt) is one line on the process's standard error, whatever the stages log,
     * besides the run's progress lines; with {@code BARLAKE_DEBUG=1} the stack traces come back.
     */
    @Test
    void aStageFailingInsideRunIsOneLineOnStderrWithoutDebug() throws Exception {
        Path lake = folder.resolve("lake");
        Map<String, String> environment = Map.of("BARLAKE_LAKE", lake.toString(), "BARLAKE_SYNTHETIC_SYMBOLS", "8",
                "BARLAKE_NOW", "2025-01-14T23:00:00Z");
        assertThat(CliRun.execute(environment, "run", "--history", "12").exitCode()).isZero();
        Path yearFile = lake.resolve("silver/daily/year=2025/bars.parquet");
        Files.delete(yearFile);
        Files.createDirectories(yearFile.resolve("kept"));

        Result failed = run(environment, "run");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err().lines().filter(line -> !LakeCorruptionContract.isProgress(line)))
                .as(failed.err()).singleElement().asString()
                .startsWith("barlake: run ").contains(" failed in Consolidate: Cannot write silver/daily/year=2025/bars.parquet in ");
        Map<String, String> debugging = new java.util.HashMap<>(environment);
        debugging.put("BARLAKE_DEBUG", "1");
        Result debug = run(debugging, "run");
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).contains("\tat ");
    }
}
