package io.barlake.fetchers.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment jar runs the handlers on its own classpath, and fits Lambda's size limit. */
class LambdaJarIT {
    @TempDir
    Path folder;

    private static Path lambdaJar() throws Exception {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.getFileName().toString().endsWith("-lambda.jar")).findFirst().orElseThrow();
        }
    }

    @Test
    void theJarUnpacksWellUnderLambdasLimit() throws Exception {
        long unpacked = 0;
        try (ZipFile zip = new ZipFile(lambdaJar().toFile())) {
            unpacked = zip.stream().mapToLong(entry -> Math.max(0, entry.getSize())).sum();
            assertThat(zip.getEntry("org/apache/hadoop/conf/Configuration.class")).isNull();
        }
        assertThat(unpacked).as("bytes unpacked; Lambda allows 250 MB").isLessThan(150L * 1024 * 1024);
    }

    @Test
    void theHandlersRunFromTheJarAlone() throws Exception {
        Path lake = folder.resolve("lake");
        Path event = Files.writeString(folder.resolve("event.json"),
                "{\"mode\":\"backfill\",\"from\":\"2024-01-02\",\"to\":\"2024-01-05\"}");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", lambdaJar().toAbsolutePath().toString(),
                "io.barlake.fetchers.lambda.InvokeLocally", "FetchBars"))
                .redirectInput(event.toFile())
                .redirectOutput(folder.resolve("out.json").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        builder.environment().put("BARLAKE_LAKE", lake.toString());
        builder.environment().put("BARLAKE_SYNTHETIC_SYMBOLS", "50");
        builder.environment().remove("POLYGON_API_KEY");
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
