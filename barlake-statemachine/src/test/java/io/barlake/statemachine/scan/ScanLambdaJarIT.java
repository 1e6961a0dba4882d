package io.barlake.statemachine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.statemachine.asl.ExecutionListener;
import io.barlake.statemachine.local.LocalPipeline;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan Lambda's deployment jar fits Lambda's size limit and scans a lake on its own classpath. */
class ScanLambdaJarIT {
    /** Lambda's limit on a function's unzipped code: 250 MiB. */
    private static final long LAMBDA_UNZIPPED_LIMIT = 250L * 1024 * 1024;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private static Path lambdaJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.getFileName().toString().endsWith("-lambda.jar")).findFirst().orElseThrow();
        }
    }

    @Test
    void theJarUnpacksUnderLambdasLimitWithoutTheOtherStagesCode() throws Exception {
        long unpacked;
        try (ZipFile zip = new ZipFile(lambdaJar().toFile())) {
            unpacked = zip.stream().mapToLong(entry -> Math.max(0, entry.getSize())).sum();
            assertThat(zip.getEntry("io/barlake/statemachine/scan/ScanHandler.class")).isNotNull();
            assertThat(zip.getEntry("io/barlake/consolidator/Consolidator.class")).isNull();
            assertThat(zip.getEntry("io/barlake/fetchers/bronze/BarsFetcher.class")).isNull();
            // Logging as the CDK app configures it (ServingLambdaJarIT runs a handler with it).
            assertThat(zip.getEntry("barlake-lambda-logback.xml")).isNotNull();
            assertThat(zip.getEntry("ch/qos/logback/classic/Logger.class")).as("a logging binding").isNotNull();
        }
        assertThat(unpacked).as("bytes unpacked").isLessThan(LAMBDA_UNZIPPED_LIMIT - 20L * 1024 * 1024);
    }

    @Test
    void theScanRunsFromTheJarAlone() throws Exception {
        Path lake = folder.resolve("lake");
        Map<String, String> environment = Map.of("BARLAKE_LAKE", lake.toString(), MarketDataSources.SYMBOLS, "60");
        LocalPipeline pipeline = new LocalPipeline(environment, new LocalObjectStore(lake),
                MarketDataSources.open(environment, TradingCalendar.nyse(), CLOCK, SecretsManagerApiKeys.usingDefaultClient()),
                CLOCK, 0.001, (topic, subject, message) -> {});
        assertThat(pipeline.run("fill", "backfill", LakeJson.mapper().readTree(
                "{\"mode\":\"backfill\",\"from\":\"2025-11-03\",\"to\":\"2026-11-20\"}"), ExecutionListener.NONE).result().succeeded())
                .isTrue();
        Files.delete(lake.resolve("gold/signals/date=2026-11-20/signals.parquet"));

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path event = Files.writeString(folder.resolve("event.json"), "{\"mode\":\"nightly\"}");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp",
                lambdaJar().toAbsolutePath() + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath(),
                ScanJarLauncher.class.getName()))
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
