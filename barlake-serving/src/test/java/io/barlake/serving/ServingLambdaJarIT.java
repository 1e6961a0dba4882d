package io.barlake.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.testing.LambdaJar;
import io.barlake.serving.access.ApiKeys;
import io.barlake.signals.alerts.AlertRuleStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API Lambda's deployment jar fits Lambda's size limit and answers from a lake on its own class path. */
class ServingLambdaJarIT {
    private static final String KEY = "bk_live_0a1b2c3d4e5f";

    @TempDir
    Path folder;

    @Test
    void theJarUnpacksUnderLambdasLimitWithoutTheLocalServer() {
        LambdaJar jar = LambdaJar.ofThisModule();
        assertThat(jar.contains("io/barlake/serving/lambda/HttpApiHandler.class")).isTrue();
        assertThat(jar.contains("barlake-lambda-logback.xml")).isTrue();
        assertThat(jar.contains("ch/qos/logback/classic/Logger.class")).as("a logging binding").isTrue();
        assertThat(jar.contains("io/javalin/Javalin.class")).isFalse();
        assertThat(jar.contains("org/eclipse/jetty/server/Server.class")).isFalse();
        // The dashboard is served by the Function URL too (DashboardFiles), its chart library with it; the e-mail and the model
        // are the scan's.
        assertThat(jar.contains("META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js")).isTrue();
        assertThat(jar.contains("io/barlake/serving/dashboard/index.html")).isTrue();
        assertThat(jar.contains("software/amazon/awssdk/services/sesv2/SesV2Client.class")).isFalse();
        assertThat(jar.contains("software/amazon/awssdk/services/bedrockruntime/BedrockRuntimeClient.class")).isFalse();
        assertThat(jar.unpackedBytes()).as("bytes unpacked").isLessThan(LambdaJar.UNZIPPED_LIMIT - 20L * 1024 * 1024);
    }

    @Test
    void theHandlerAnswersFromTheJarAloneAndLogsNoDebugLines() throws Exception {
        Path lake = folder.resolve("lake");
        ServingLake.write(new LocalObjectStore(lake));
        String events = """
                [{"version":"2.0","rawPath":"/v1/bars","rawQueryString":"symbol=AAPL&from=2025-05-01&to=2025-06-02",
                  "headers":{"x-api-key":"%1$s"},"requestContext":{"http":{"method":"GET"}},"isBase64Encoded":false},
                 {"version":"2.0","rawPath":"/v1/bars","rawQueryString":"symbol=AAPL",
                  "headers":{},"requestContext":{"http":{"method":"GET"}},"isBase64Encoded":false},
                 {"version":"2.0","rawPath":"/v1/alerts","rawQueryString":"",
                  "headers":{"x-api-key":"%1$s","content-type":"application/json"},"requestContext":{"http":{"method":"POST"}},
                  "body":"{\\"symbol\\":\\"MSFT\\",\\"kind\\":\\"price_below\\",\\"level\\":50}","isBase64Encoded":false},
                 {"version":"2.0","rawPath":"/v1/quote","rawQueryString":"symbol=AAPL",
                  "headers":{"x-api-key":"%1$s"},"requestContext":{"http":{"method":"GET"}},"isBase64Encoded":false},
                 {"version":"2.0","rawPath":"/v1/quote","rawQueryString":"symbol=AAPL",
                  "headers":{"x-api-key":"%1$s"},"requestContext":{"http":{"method":"GET"}},"isBase64Encoded":false}]
                """.formatted(KEY);
        Path input = Files.writeString(folder.resolve("events.json"), events);

        // The launcher alone, not the test classes: their logback-test.xml would hide the jar's own logging setup.
        Path launcher = folder.resolve("launcher");
        String classFile = ServingJarLauncher.class.getName().replace('.', '/') + ".class";
        Files.createDirectories(launcher.resolve(classFile).getParent());
        Path classes = Path.of("target", "test-classes").resolve(classFile).getParent();
        try (var nested = Files.list(classes)) { // the launcher and its nested classes (the invocation's context)
            for (Path file : nested.filter(path -> path.getFileName().toString().startsWith("ServingJarLauncher")).toList()) {
                Files.copy(file, launcher.resolve(classFile).getParent().resolve(file.getFileName()));
            }
        }
        // The runtime's event serialization is the Lambda service's, not the function's: it joins the class path here.
        Path serialization = Path.of(LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder builder = LambdaJar.ofThisModule().launch(List.of(launcher, serialization), ServingJarLauncher.class.getName())
                .redirectInput(input.toFile())
                .redirectOutput(folder.resolve("out.json").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        builder.environment().put("BARLAKE_LAKE", lake.toString());
        builder.environment().put(ApiKeys.SETTING, "quant=" + ApiKeys.hash(KEY));
        // As the CDK app sets it on every function.
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile=barlake-lambda-logback.xml");
        builder.environment().put("BARLAKE_METRICS_NAMESPACE", "Barlake/barlake-test");
        // Three requests a day: the fifth (the second without a key is not counted) is refused, and counted as a metric.
        builder.environment().put("BARLAKE_DAILY_QUOTA", "3");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();

        String out = Files.readString(folder.resolve("out.json"), StandardCharsets.UTF_8);
        JsonNode answers = new ObjectMapper().readTree(out.substring(out.lastIndexOf("\n[") + 1));
        JsonNode bars = answers.get(0);
        assertThat(bars.path("statusCode").asInt()).as(bars.toString()).isEqualTo(200);
        JsonNode page = new ObjectMapper().readTree(bars.path("body").asText());
        assertThat(page.path("bars")).as("May 2025 has 21 NYSE sessions (Memorial Day closed), and 2 June is one").hasSize(22);
        assertThat(answers.get(1).path("statusCode").asInt()).as("no key").isEqualTo(401);
        assertThat(answers.get(2).path("statusCode").asInt()).as(answers.get(2).toString()).isEqualTo(201);
        assertThat(lake.resolve(AlertRuleStore.KEY)).content(StandardCharsets.UTF_8).contains("MSFT");
        assertThat(out + err).doesNotContain("DEBUG").doesNotContain(KEY);
        // Every log line is a JSON object with the invocation's request id; each request has its access line.
        List<String> logLines = out.substring(0, out.lastIndexOf("\n[") + 1).lines().filter(line -> !line.isBlank()).toList();
        assertThat(logLines).hasSizeGreaterThanOrEqualTo(3);
        List<String> access = new java.util.ArrayList<>();
        List<String> metrics = new java.util.ArrayList<>();
        for (String line : logLines) {
            JsonNode log = new ObjectMapper().readTree(line);
            if (log.has("_aws")) { // an embedded metrics line, in the namespace the function was given
                JsonNode directive = log.path("_aws").path("CloudWatchMetrics").get(0);
                assertThat(directive.path("Namespace").asText()).isEqualTo("Barlake/barlake-test");
                String name = directive.path("Metrics").get(0).path("Name").asText();
                metrics.add(name + "=" + log.path(name).asLong());
                continue;
            }
            assertThat(log.path("level").asText()).as(line).isIn("INFO", "WARN", "ERROR");
            assertThat(log.path("mdc").path("request_id").asText()).as(line).startsWith("request-");
            if (log.path("loggerName").asText().endsWith("HttpApiHandler")) {
                access.add(log.path("mdc").path("request_id").asText() + " " + log.path("formattedMessage").asText().replaceAll(" \\d+ ms$", ""));
            }
        }
        assertThat(access).containsExactly("request-1 GET /v1/bars 200", "request-2 GET /v1/bars 401", "request-3 POST /v1/alerts 201",
                "request-4 GET /v1/quote 404", "request-5 GET /v1/quote 429");
        assertThat(metrics).as("the quota refusal counted (a quote with no price in 30 days is no cache answer)")
                .containsExactly("QuotaRefusals=1");
    }
}
