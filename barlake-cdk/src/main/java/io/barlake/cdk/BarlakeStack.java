package io.barlake.cdk;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * One stage of Barlake: the lake bucket, the Lambda functions, Batch on Fargate, the state
 * machine with its schedule and alerts. The Polygon key stays in Secrets Manager: the stack takes
 * the secret's ARN as a parameter and only the fetchers may read it.
 */
public final class BarlakeStack extends Stack {
    public static final String POLYGON_SECRET_PARAMETER = "PolygonKeySecretArn";

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

        LakeBucket lake = new LakeBucket(this, "Lake", settings);
        PipelineFunctions functions = new PipelineFunctions(this, "Functions", settings, lake, polygonKey);
        BatchJobs jobs = new BatchJobs(this, "Jobs", settings, lake);
        Pipeline pipeline = new Pipeline(this, "Pipeline", settings, functions, jobs);

        Tags.of(this).add("project", "barlake");
        Tags.of(this).add("stage", settings.stage());
        CfnOutput.Builder.create(this, "BucketName").value(lake.bucket().getBucketName())
                .description("The lake: BARLAKE_LAKE=s3://<this>").build();
        CfnOutput.Builder.create(this, "StateMachineArn").value(pipeline.stateMachine().getStateMachineArn()).build();
        CfnOutput.Builder.create(this, "BackfillCommand")
                .description("A manual backfill through the same state machine (change the dates)")
                .value(Fn.join("", java.util.List.of("aws stepfunctions start-execution --state-machine-arn ",
                        pipeline.stateMachine().getStateMachineArn(),
                        " --input '{\"mode\":\"backfill\",\"from\":\"2021-01-04\",\"to\":\"2025-12-31\"}'")))
                .build();
    }
}
