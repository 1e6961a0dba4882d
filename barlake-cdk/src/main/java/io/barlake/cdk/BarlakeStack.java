package io.barlake.cdk;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * One stage of Barlake: the lake bucket, the Lambda functions, Batch on Fargate, the state
 * machine with its schedule and alerts, and the serving API behind a Function URL. The Polygon key
 * stays in Secrets Manager: the stack takes the secret's ARN as a parameter and only the fetchers
 * and the API (for quotes) may read it. The API's keys are a parameter too, as SHA-256 hashes.
 */
public final class BarlakeStack extends Stack {
    public static final String POLYGON_SECRET_PARAMETER = "PolygonKeySecretArn";
    public static final String API_KEYS_PARAMETER = "ApiKeyHashes";
    /** {@code name=<SHA-256 hex>} entries, comma-separated, as {@code BARLAKE_API_KEYS} takes them; or none. */
    static final String API_KEYS_PATTERN = "^$|^[A-Za-z0-9_.-]{1,64}=[0-9a-f]{64}(,[A-Za-z0-9_.-]{1,64}=[0-9a-f]{64})*$";

    public BarlakeStack(Construct scope, String id, StackProps props, StageSettings settings) {
        super(scope, id, props);
        CfnParameter secretArn = CfnParameter.Builder.create(this, POLYGON_SECRET_PARAMETER)
                .type("String")
                // Only the secret's ARN, but CloudFormation's validator takes any parameter named like a
                // secret for a password; hiding the ARN in the console costs nothing.
                .noEcho(true)
                .allowedPattern("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+")
                .description("ARN of the Secrets Manager secret holding the Polygon API key (its whole ARN, with the suffix)")
                .build();
        ISecret polygonKey = Secret.fromSecretCompleteArn(this, "PolygonKey", secretArn.getValueAsString());
        CfnParameter apiKeys = CfnParameter.Builder.create(this, API_KEYS_PARAMETER)
                .type("String")
                .defaultValue("")
                .allowedPattern(API_KEYS_PATTERN)
                .constraintDescription("name=<64 hex digits of the key's SHA-256>, comma-separated, or empty")
                .description("API keys the serving API accepts, as name=sha256hex,… (printf %s \"$KEY\" | sha256sum); "
                        + "empty refuses every /v1 request")
                .build();

        // One topic for the operators and the quants: pipeline failures and alert-rule firings.
        Topic alerts = Topic.Builder.create(this, "Alerts").topicName(settings.prefix() + "-alerts").enforceSsl(true)
                .displayName("Barlake " + settings.stage()).build();
        alerts.addSubscription(new EmailSubscription(settings.alertEmail()));

        // The morning e-mail's topic: opt in by subscribing (-c morningEmail=…, or in the console).
        MorningSettings morningSettings = MorningSettings.fromContext(getNode());
        Topic morning = Topic.Builder.create(this, "Morning").topicName(settings.prefix() + "-morning").enforceSsl(true)
                .displayName("Barlake market").build();
        morningSettings.email().ifPresent(address -> morning.addSubscription(new EmailSubscription(address)));

        LakeBucket lake = new LakeBucket(this, "Lake", settings);
        PipelineFunctions functions = new PipelineFunctions(this, "Functions", settings, lake, polygonKey, alerts, morning,
                morningSettings);
        BatchJobs jobs = new BatchJobs(this, "Jobs", settings, lake);
        Pipeline pipeline = new Pipeline(this, "Pipeline", settings, functions, jobs, alerts);
        ServingApi api = new ServingApi(this, "Api", settings, lake, polygonKey, apiKeys.getValueAsString());
        LakeCatalog catalog = new LakeCatalog(this, "Catalog", settings, lake);
        new Observability(this, "Observability", settings, jobs, pipeline, api, alerts);

        NagRules.suppress(this);
        Tags.of(this).add("project", "barlake");
        Tags.of(this).add("stage", settings.stage());
        CfnOutput.Builder.create(this, "BucketName").value(lake.bucket().getBucketName())
                .description("The lake: BARLAKE_LAKE=s3://<this>").build();
        CfnOutput.Builder.create(this, "ApiUrl").value(api.url().getUrl())
                .description("The serving API: curl -H 'x-api-key: <key>' <this>v1/quote?symbol=AAPL; the dashboard at <this>").build();
        CfnOutput.Builder.create(this, "KeysTable").value(api.keys().getTableName())
                .description("The API's issued keys: barlake keys create NAME --stack " + getStackName()).build();
        CfnOutput.Builder.create(this, "AthenaWorkGroup").value(catalog.workGroup().getName())
                .description("Query the lake: Athena, workgroup <this>, database " + catalog.database() + " (docs/query.md)").build();
        CfnOutput.Builder.create(this, "StateMachineArn").value(pipeline.stateMachine().getStateMachineArn()).build();
        CfnOutput.Builder.create(this, "BackfillCommand")
                .description("A manual backfill through the same state machine (change the dates); or barlake aws backfill --stack "
                        + getStackName() + " --from … --to … --wait")
                .value(Fn.join("", java.util.List.of("aws stepfunctions start-execution --state-machine-arn ",
                        pipeline.stateMachine().getStateMachineArn(),
                        " --input '{\"mode\":\"backfill\",\"from\":\"2021-01-04\",\"to\":\"2025-12-31\"}'")))
                .build();
    }
}
