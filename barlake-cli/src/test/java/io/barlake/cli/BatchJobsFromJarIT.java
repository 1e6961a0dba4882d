package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.state.LakeJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Batch mains run from the jar the Docker image ships, with the image's logback
 * configuration: JSON lines carrying the run id, one error line and exit 1 on failure.
 */
class BatchJobsFromJarIT {
    @TempDir
    Path folder;

    private record Result(int exitCode, String out, String err) {}

    private Result run(String main, Map<String, String> environment) throws Exception {
        Path config = Path.of("..", "docker", "logback-json.xml").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(PackagedJar.main(List.of("-Dlogback.configurationFile=" + config), main))
                .redirectOutput(folder.resolve("out").toFile()).redirectError(folder.resolve("err").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(folder.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void theJobsLogJsonLinesWithTheRunId() throws Exception {
        Map<String, String> environment = Map.of("BARLAKE_LAKE", folder.resolve("lake").toString(),
                "BARLAKE_RUN_ID", "20250602t210500z-c0ffee");
        for (String main : List.of("io.barlake.consolidator.batch.ConsolidatorMain", "io.barlake.resampler.batch.ResamplerMain")) {
            Result result = run(main, environment);
            assertThat(result.exitCode()).as(result.err()).isZero();
            List<String> lines = result.out().lines().toList();
            assertThat(lines).isNotEmpty();
            int metrics = 0;
            for (String line : lines) {
                JsonNode json = LakeJson.mapper().readTree(line);
                assertThat(json.get("run_id").asText()).isEqualTo("20250602t210500z-c0ffee");
                if (json.has(io.barlake.lake.batch.JobMetrics.FIELD)) {
                    // The one line the stack's metric filters read.
                    assertThat(json.get(io.barlake.lake.batch.JobMetrics.FIELD).asText()).isEqualTo(main.contains("Consolidator")
                            ? "consolidate" : "resample");
                    assertThat(json.get("objects_written").isNumber()).isTrue();
                    metrics++;
                } else {
                    assertThat(json.has("message")).isTrue();
                }
            }
            assertThat(metrics).as(main + " metrics lines").isEqualTo(1);
            assertThat(lines.get(lines.size() - 1)).contains("done: ");
        }
    }

    @Test
    void aJobWithABadSettingExitsTwoWithOneLineSoBatchDoesNotRetryIt() throws Exception {
        Result result = run("io.barlake.resampler.batch.ResamplerMain",
                Map.of("BARLAKE_LAKE", folder.toString(), "RESAMPLE_SESSIONS", "7"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(
                "resample: Invalid RESAMPLE_SESSIONS '7': expected 3, 5, 8, 13, 21, 34 or all");
        assertThat(result.out()).contains("\"level\":\"ERROR\"");
    }
}
