package io.barlake.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code npx cdk deploy -c stage=staging -c alertEmail=you@example.com}. The stack is
 * {@code Barlake-<stage>}, in the account and region of the CLI's credentials.
 */
public final class BarlakeApp {
    private BarlakeApp() {}

    public static void main(String[] args) {
        App app = new App();
        try {
            stack(app, StageSettings.fromContext(app.getNode()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Bad context or an unbuilt jar: one line that says what to do, no stack trace.
            System.err.println("barlake-cdk: " + e.getMessage());
            System.exit(2);
        }
        app.synth();
    }

    /** The stage's stack in {@code app}. */
    public static BarlakeStack stack(App app, StageSettings settings) {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        StackProps.Builder props = StackProps.builder()
                .description("Barlake " + settings.stage() + ": nightly US equities bars, resampled and scanned");
        if (account != null && region != null) {
            props.env(Environment.builder().account(account).region(region).build());
        }
        BarlakeStack stack = new BarlakeStack(app, "Barlake-" + settings.stage(), props.build(), settings);
        // Checked like production infrastructure: every AwsSolutions finding is fixed or suppressed with its reason.
        Aspects.of(stack).add(new AwsSolutionsChecks());
        return stack;
    }
}
