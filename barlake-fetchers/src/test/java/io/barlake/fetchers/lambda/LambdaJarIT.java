package io.barlake.fetchers.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.testing.LambdaJar;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment jar runs the handlers on its own classpath, and fits Lambda's size limit. */
class LambdaJarIT {
    @TempDir
    Path folder;

    @Test
    void theJarUnpacksWellUnderLambdasLimit() throws Exception {
        LambdaJar jar = LambdaJar.ofThisModule();
        assertThat(jar.contains("org/apache/hadoop/conf/Configuration.class")).isFalse();
        assertThat(jar.contains("barlake-lambda-logback.xml")).as("the logging file the CDK app names").isTrue();
        assertThat(jar.unpackedBytes()).as("bytes unpacked; Lambda allows 250 MB").isLessThan(150L * 1024 * 1024);
    }

    @Test
    void theHandlersRunFromTheJarAlone() throws Exception {
        Path lake = folder.resolve("lake");
        Path event = Files.writeString(folder.resolve("event.json"),
                "{\"mode\":\"backfill\",\"from\":\"2024-01-02\",\"to\":\"2024-01-05\"}");
        ProcessBuilder builder = LambdaJar.ofThisModule().launch("io.barlake.fetchers.lambda.InvokeLocally", "FetchBars")
                .redirectInput(event.toFile())
                .redirectOutput(folder.resolve("out.json").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        builder.environment().put("BARLAKE_LAKE", lake.toString());
        builder.environment().put("BARLAKE_SYNTHETIC_SYMBOLS", "50");
        builder.environment().remove("POLYGON_API_KEY");
        builder.environment().remove("MASSIVE_API_KEY");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();
        String out = Files.readString(folder.resolve("out.json"), StandardCharsets.UTF_8);
        assertThat(out).contains("\"complete\" : true", "\"2024-01-05\"");
        assertThat(lake.resolve("bronze/bars/date=2024-01-03/grouped.json.gz").toFile()).exists();
        assertThat(new File(lake.toFile(), "_state/watermarks/bronze-bars.json")).exists();
    }
}
