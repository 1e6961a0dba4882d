package io.barlake.signals.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.testing.LambdaJar;
import io.barlake.signals.SyntheticLake;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan Lambda's deployment jar fits Lambda's size limit and scans a lake on its own classpath. */
class ScanLambdaJarIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void theJarUnpacksUnderLambdasLimitWithoutTheOtherStagesCode() {
        LambdaJar jar = LambdaJar.ofThisModule();
        assertThat(jar.contains("io/barlake/signals/lambda/ScanHandler.class")).isTrue();
        assertThat(jar.contains("io/barlake/consolidator/Consolidator.class")).isFalse();
        assertThat(jar.contains("io/barlake/fetchers/bronze/BarsFetcher.class")).isFalse();
        // Logging as the CDK app configures it (ServingLambdaJarIT runs a handler with it).
        assertThat(jar.contains("barlake-lambda-logback.xml")).isTrue();
        assertThat(jar.contains("ch/qos/logback/classic/Logger.class")).as("a logging binding").isTrue();
        assertThat(jar.unpackedBytes()).as("bytes unpacked").isLessThan(LambdaJar.UNZIPPED_LIMIT - 20L * 1024 * 1024);
    }

    @Test
    void theScanRunsFromTheJarAlone() throws Exception {
        Path lake = folder.resolve("lake");
        SyntheticLake.backfill(new LocalObjectStore(lake), 60, LocalDate.of(2025, 11, 3), LocalDate.of(2026, 11, 20), CLOCK);
        assertThat(lake.resolve("gold")).as("no scan has run yet").doesNotExist();

        Path event = Files.writeString(folder.resolve("event.json"), "{\"mode\":\"nightly\"}");
        ProcessBuilder builder = LambdaJar.ofThisModule().launch(List.of(Path.of("target", "test-classes")),
                ScanJarLauncher.class.getName())
                .redirectInput(event.toFile())
                .redirectOutput(folder.resolve("out.json").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        builder.environment().put("BARLAKE_LAKE", lake.toString());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8)).isZero();

        JsonNode out = LakeJson.mapper().readTree(folder.resolve("out.json").toFile());
        assertThat(out.path("session").asText()).isEqualTo("2026-11-20");
        assertThat(out.path("symbols").asInt()).isPositive();
        assertThat(out.path("key").asText()).isEqualTo("gold/signals/date=2026-11-20/signals.parquet");
        assertThat(lake.resolve("gold/signals/date=2026-11-20/signals.parquet")).exists();
    }
}
