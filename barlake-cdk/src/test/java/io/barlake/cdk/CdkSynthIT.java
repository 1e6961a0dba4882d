package io.barlake.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README's deploy section does before a deploy, from the project root: {@code npm ci}
 * installs the pinned CDK command line from package-lock.json, and {@code npx cdk synth} runs the
 * app through cdk.json and writes both stages' templates. No Docker engine: the image is only staged.
 */
class CdkSynthIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path out;

    private String run(List<String> command) throws Exception {
        Path log = out.resolve("command.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        builder.environment().put("CDK_DISABLE_VERSION_CHECK", "1");
        Process process = builder.start();
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command + "\n" + output).isZero();
        return output;
    }

    @Test
    void npxCdkSynthWritesTheTemplatesOfBothStages() throws Exception {
        run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        assertThat(run(List.of("npx", "cdk", "--version"))).contains("2.1148.1");

        Path staging = out.resolve("staging");
        run(List.of("npx", "cdk", "synth", "--quiet", "-o", staging.toString(), "-c", "alertEmail=quant@example.com"));
        String template = Files.readString(staging.resolve("Barlake-staging.template.json"), StandardCharsets.UTF_8);
        assertThat(template).contains("AWS::StepFunctions::StateMachine", "cron(5 21 ? * MON-FRI *)", "quant@example.com");

        Path prod = out.resolve("prod");
        run(List.of("npx", "cdk", "synth", "--quiet", "-o", prod.toString(), "-c", "stage=prod", "-c", "alertEmail=quant@example.com",
                "-c", "imageRepository=barlake", "-c", "imageDigest=sha256:" + "ab".repeat(32)));
        assertThat(Files.readString(prod.resolve("Barlake-prod.template.json"), StandardCharsets.UTF_8))
                .contains("barlake@sha256:" + "ab".repeat(32), "\"DeletionPolicy\": \"Retain\"");
    }
}
