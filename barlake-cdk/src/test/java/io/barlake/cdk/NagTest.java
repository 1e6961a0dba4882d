package io.barlake.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AwsSolutions pack over both stages: no error and no warning is left, each finding
 * fixed in the app or suppressed where it is made, with the reason written beside it.
 */
class NagTest {
    @Test
    void noAwsSolutionsFindingIsLeftInEitherStage() {
        for (Map<String, Object> stage : List.of(Map.<String, Object>of("stage", "staging"),
                Map.<String, Object>of("stage", "prod", "imageRepository", "barlake", "imageDigest", BarlakeStackTest.DIGEST))) {
            Map<String, Object> all = new java.util.HashMap<>(stage);
            all.put("alertEmail", "quant@example.com");
            all.put("projectRoot", "..");
            all.put("aws:cdk:disable-asset-staging", true);
            App app = new App(AppProps.builder().context(all).build());
            BarlakeStack stack = BarlakeApp.stack(app, StageSettings.fromContext(app.getNode()));
            app.synth();
            Annotations annotations = Annotations.fromStack(stack);
            List<SynthesisMessage> errors = annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            List<SynthesisMessage> warnings = annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            assertThat(errors).as(stage.get("stage") + " errors").extracting(NagTest::line).isEmpty();
            assertThat(warnings).as(stage.get("stage") + " warnings").extracting(NagTest::line).isEmpty();
        }
    }

    private static String line(SynthesisMessage message) {
        String text = String.valueOf(message.getEntry().getData());
        return message.getId() + ": " + text.substring(0, Math.min(160, text.length()));
    }
}
