package io.barlake.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.barlake.statemachine.PipelineDefinition;
import io.barlake.statemachine.Placeholder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes both stages once and checks what a deployment would create. */
class BarlakeStackTest {
    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    static Template staging;
    static Template prod;
    static Map<String, Object> stagingJson;
    static Map<String, Object> prodJson;

    static Template synth(Map<String, Object> context) {
        Map<String, Object> all = new java.util.HashMap<>(context);
        all.put("alertEmail", "quant@example.com");
        all.put("projectRoot", "..");
        // Assets are fingerprinted but not copied: the Lambda jars are 25, 85 and 90 MB.
        all.put("aws:cdk:disable-asset-staging", true);
        App app = new App(AppProps.builder().context(all).build());
        return Template.fromStack(BarlakeApp.stack(app, StageSettings.fromContext(app.getNode())));
    }

    @BeforeAll
    static void synthesize() {
        staging = synth(Map.of("stage", "staging"));
        prod = synth(Map.of("stage", "prod", "imageRepository", "barlake", "imageDigest", DIGEST));
        stagingJson = staging.toJSON();
        prodJson = prod.toJSON();
    }

    @Test
    void theLakeBucketIsVersionedEncryptedPrivateAndKeptInProduction() {
        for (Template template : List.of(staging, prod)) {
            template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                    "VersioningConfiguration", Map.of("Status", "Enabled"),
                    "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(
                            Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                    "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                            "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                    "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(
                            Match.objectLike(Map.of("Prefix", "bronze/", "Status", "Enabled", "Transitions", List.of(
                                    Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30)))),
                            Match.objectLike(Map.of("NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30))))))));
        }
        prod.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
        staging.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Delete"));
    }

    @Test
    void functionsAndTheStateMachineAreTracedTheRunsFullyLoggedTopicsTlsOnlyAndRefusedTrafficLogged() {
        staging.allResourcesProperties("AWS::Lambda::Function", Map.of("TracingConfig", Map.of("Mode", "Active")));
        staging.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of("TracingConfiguration", Map.of("Enabled", true),
                "LoggingConfiguration", Match.objectLike(Map.of("Level", "ALL", "IncludeExecutionData", true))));
        staging.hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "REJECT", "LogDestinationType", "cloud-watch-logs"));
        staging.resourceCountIs("AWS::SNS::TopicPolicy", 2);
        staging.allResourcesProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApisLimitsAndKeysAreSharedDynamoDbTablesItMayUseOnlyAsItDoes() {
        staging.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "barlake-staging-limits",
                "BillingMode", "PAY_PER_REQUEST", "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expires", "Enabled", true)));
        staging.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "barlake-staging-keys",
                "BillingMode", "PAY_PER_REQUEST", "KeySchema", List.of(Map.of("AttributeName", "hash", "KeyType", "HASH")),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
        prod.hasResource("AWS::DynamoDB::Table", Map.of("Properties", Match.objectLike(Map.of("TableName", "barlake-prod-keys")),
                "DeletionPolicy", "Retain"));
        staging.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", "io.barlake.serving.lambda.HttpApiHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("BARLAKE_LIMITS_TABLE", Match.anyValue(),
                        "BARLAKE_KEYS_TABLE", Match.anyValue())))));
        // Every DynamoDB action any role is granted: the API's, and only what DynamoDbLimits and DynamoDbKeys call.
        java.util.Set<String> actions = new java.util.TreeSet<>();
        for (Object policy : staging.findResources("AWS::IAM::Policy").values()) {
            Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) policy).get("Properties"))
                    .get("PolicyDocument");
            for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
                Object action = statement.get("Action");
                for (Object one : action instanceof List<?> list ? list : List.of(action)) {
                    if (String.valueOf(one).startsWith("dynamodb:")) {
                        actions.add(String.valueOf(one));
                    }
                }
            }
        }
        assertThat(actions).containsExactly("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        staging.hasOutput("KeysTable", Match.objectLike(Map.of("Value", Map.of("Ref", Match.stringLikeRegexp("ApiKeys.*")))));
    }

    @Test
    void theBucketPolicyRefusesAnythingButTls() {
        staging.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Effect", "Deny", "Action", "s3:*", "Principal", Map.of("AWS", "*"),
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void fiveJava21FunctionsWithSnapStartQuietLogsAndNoSecretInTheirEnvironment() {
        staging.resourceCountIs("AWS::Lambda::Function", 5);
        for (String handler : List.of("io.barlake.fetchers.lambda.FetchBarsHandler::handleRequest",
                "io.barlake.fetchers.lambda.FetchReferenceHandler::handleRequest",
                "io.barlake.signals.lambda.ScanHandler::handleRequest",
                "io.barlake.signals.lambda.RunReportHandler::handleRequest",
                "io.barlake.serving.lambda.HttpApiHandler::handleRequest")) {
            staging.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", handler, "Runtime", "java21",
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"), "Architectures", List.of("arm64")));
        }
        staging.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "barlake-staging-fetch-bars",
                "MemorySize", PipelineFunctions.FETCH_MEMORY_MB, "Timeout", 900,
                "Environment", Map.of("Variables", Map.of("POLYGON_API_KEY_SECRET_ARN", Map.of("Ref", BarlakeStack.POLYGON_SECRET_PARAMETER),
                        "BARLAKE_LAKE", Match.anyValue(), "JAVA_TOOL_OPTIONS", Match.anyValue(),
                        "BARLAKE_METRICS_NAMESPACE", "Barlake/barlake-staging"))));
        staging.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "barlake-staging-scan",
                "MemorySize", PipelineFunctions.SCAN_MEMORY_MB, "Timeout", 900));
        staging.resourceCountIs("AWS::Lambda::Alias", 5);
        // The run report reads its own executions' history, named by the state machine's name.
        staging.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Action", List.of("states:DescribeExecution", "states:GetExecutionHistory"),
                        "Resource", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(
                                ":execution:barlake-staging-pipeline:*")))))))))))));
        for (Map<String, Object> function : resources(stagingJson, "AWS::Lambda::Function")) {
            Map<?, ?> variables = (Map<?, ?>) ((Map<?, ?>) properties(function).get("Environment")).get("Variables");
            assertThat(String.valueOf(variables)).doesNotContain("POLYGON_API_KEY=");
            // Logback's file must be in every Lambda jar: it comes from the lake module, which every jar holds.
            assertThat(variables.get("JAVA_TOOL_OPTIONS")).isEqualTo("-Dlogback.configurationFile=" + LambdaFunctions.LOGBACK_CONFIGURATION);
        }
        assertThat(Path.of("..", "barlake-lake", "src", "main", "resources", LambdaFunctions.LOGBACK_CONFIGURATION)).isRegularFile();
        staging.hasParameter(BarlakeStack.POLYGON_SECRET_PARAMETER, Map.of("Type", "String"));
    }

    @Test
    void theApiIsAPublicFunctionUrlOnItsLiveAliasThatAsksForTheKeysOfAParameter() {
        staging.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "barlake-staging-api",
                "MemorySize", ServingApi.MEMORY_MB, "Timeout", 30,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "BARLAKE_API_KEYS", Map.of("Ref", BarlakeStack.API_KEYS_PARAMETER),
                        "POLYGON_API_KEY_SECRET_ARN", Map.of("Ref", BarlakeStack.POLYGON_SECRET_PARAMETER))))));
        staging.resourceCountIs("AWS::Lambda::Url", 1);
        String alias = named(stagingJson, "AWS::Lambda::Alias").stream().map(Map.Entry::getKey)
                .filter(name -> name.startsWith("ApiAliaslive")).findFirst().orElseThrow();
        String function = named(stagingJson, "AWS::Lambda::Function").stream().map(Map.Entry::getKey)
                .filter(name -> name.matches("Api[0-9A-F]{8}")).findFirst().orElseThrow();
        staging.hasResourceProperties("AWS::Lambda::Url", Map.of("AuthType", "NONE", "Qualifier", "live",
                "TargetFunctionArn", Map.of("Fn::GetAtt", List.of(function, "Arn"))));
        // Since October 2025 a public URL needs both grants, or every call is a 403.
        staging.hasResourceProperties("AWS::Lambda::Permission", Map.of("Action", "lambda:InvokeFunctionUrl",
                "Principal", "*", "FunctionUrlAuthType", "NONE", "FunctionName", Map.of("Ref", alias)));
        staging.hasResourceProperties("AWS::Lambda::Permission", Map.of("Action", "lambda:InvokeFunction",
                "Principal", "*", "InvokedViaFunctionUrl", true, "FunctionName", Map.of("Ref", alias)));
        staging.hasParameter(BarlakeStack.API_KEYS_PARAMETER, Map.of("Type", "String", "Default", "",
                "AllowedPattern", BarlakeStack.API_KEYS_PATTERN));
        staging.hasOutput("ApiUrl", Map.of("Value", Map.of("Fn::GetAtt", List.of(logicalId(stagingJson, "AWS::Lambda::Url"), "FunctionUrl"))));
    }

    @Test
    void theKeysParameterTakesWhatTheApiTakesAndRefusesTheRest() {
        String hash = "0123456789abcdef".repeat(4);
        for (String good : List.of("", "quant=" + hash, "quant=" + hash + ",ci.bot-2=" + hash)) {
            assertThat(good).as(good).matches(BarlakeStack.API_KEYS_PATTERN);
        }
        for (String bad : List.of("quant", "quant=" + hash.toUpperCase(java.util.Locale.ROOT), "quant=" + hash.substring(1),
                "quant=" + hash + ",", "my key=" + hash, "plain-text-key-instead-of-its-hash")) {
            assertThat(bad).as(bad).doesNotMatch(BarlakeStack.API_KEYS_PATTERN);
        }
    }

    @Test
    void theScanPublishesAlertFiringsToTheTopicThatMailsFailures() {
        String topic = topic(stagingJson, "barlake-staging-alerts");
        staging.resourceCountIs("AWS::SNS::Topic", 2);
        staging.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "barlake-staging-scan",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("BARLAKE_ALERT_TOPIC_ARN", Map.of("Ref", topic))))));
        List<String> publishers = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> policy : named(stagingJson, "AWS::IAM::Policy")) {
            if (statements(policy.getValue()).stream().anyMatch(s -> actions(s).contains("sns:Publish"))) {
                publishers.add(policy.getKey());
            }
        }
        assertThat(publishers).hasSize(2).anyMatch(name -> name.startsWith("FunctionsScan"))
                .anyMatch(name -> name.startsWith("PipelineStateMachineRole"));
    }

    @Test
    void onlyTheFetchersAndTheApiMayReadThePolygonSecret() {
        List<String> readers = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> policy : named(stagingJson, "AWS::IAM::Policy")) {
            if (statements(policy.getValue()).stream().anyMatch(s -> actions(s).contains("secretsmanager:GetSecretValue"))) {
                readers.add(policy.getKey());
            }
        }
        assertThat(readers).hasSize(3).allMatch(name -> name.startsWith("FunctionsFetch") || name.startsWith("ApiServiceRole"));
    }

    @Test
    void batchRunsOnFargateSpotWithTwoVcpuAndFourGibJobs() {
        staging.hasResourceProperties("AWS::Batch::ComputeEnvironment", Map.of("Type", "managed",
                "ComputeResources", Map.of("Type", "FARGATE_SPOT", "MaxvCpus", BatchJobs.MAX_VCPUS)));
        staging.resourceCountIs("AWS::Batch::JobQueue", 1);
        staging.resourceCountIs("AWS::EC2::NatGateway", 0);
        for (String main : List.of("io.barlake.consolidator.batch.ConsolidatorMain", "io.barlake.resampler.batch.ResamplerMain")) {
            staging.hasResourceProperties("AWS::Batch::JobDefinition", Map.of("PlatformCapabilities", List.of("FARGATE"),
                    "ContainerProperties", Match.objectLike(Map.of("Command", List.of(main),
                            "ResourceRequirements", List.of(Map.of("Type", "MEMORY", "Value", "4096"),
                                    Map.of("Type", "VCPU", "Value", "2"))))));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchRetriesAFailedJobOnceButNeverABadSettingOrADamagedLake() {
        for (Map<String, Object> job : resources(stagingJson, "AWS::Batch::JobDefinition")) {
            Map<?, ?> retry = (Map<?, ?>) properties(job).get("RetryStrategy");
            assertThat(retry.get("Attempts")).isEqualTo(2);
            assertThat((List<Object>) retry.get("EvaluateOnExit")).containsExactly(
                    Map.of("Action", "EXIT", "OnExitCode", "2"), Map.of("Action", "EXIT", "OnExitCode", "3"));
        }
    }

    @Test
    void productionPinsTheImageByDigestAndStagingBuildsTheDockerfile() {
        for (Map<String, Object> job : resources(prodJson, "AWS::Batch::JobDefinition")) {
            String image = String.valueOf(((Map<?, ?>) properties(job).get("ContainerProperties")).get("Image"));
            assertThat(image).contains("/barlake@" + DIGEST);
        }
        for (Map<String, Object> job : resources(stagingJson, "AWS::Batch::JobDefinition")) {
            String image = String.valueOf(((Map<?, ?>) properties(job).get("ContainerProperties")).get("Image"));
            assertThat(image).contains("container-assets").doesNotContain("@sha256:");
        }
    }

    @Test
    void theStateMachineIsTheOneDefinitionWithEveryPlaceholderSubstituted() {
        Map<String, Object> machine = resources(stagingJson, "AWS::StepFunctions::StateMachine").get(0);
        Map<?, ?> substitutions = (Map<?, ?>) properties(machine).get("DefinitionSubstitutions");
        assertThat(new TreeSet<>(stringKeys(substitutions))).isEqualTo(Placeholder.names());
        String definition = String.valueOf(properties(machine).get("DefinitionString"));
        assertThat(definition).isEqualTo(PipelineDefinition.text());
        String rendered = definition;
        for (Object key : substitutions.keySet()) {
            rendered = rendered.replace("${" + key + "}", "arn:aws:x:us-east-1:123456789012:" + key);
        }
        assertThat(rendered).doesNotContain("${");
        assertThat(substitutions.get("AlertTopicArn")).isEqualTo(Map.of("Ref", topic(stagingJson, "barlake-staging-alerts")));
    }

    @Test
    void theNightlyScheduleStartsTheMachineAfterTheCloseOnWeekdays() {
        staging.hasResourceProperties("AWS::Events::Rule", Map.of("ScheduleExpression", "cron(5 21 ? * MON-FRI *)",
                "State", "ENABLED", "Targets", List.of(Match.objectLike(Map.of("Input", "{\"mode\":\"nightly\"}")))));
        Template custom = synth(Map.of("stage", "staging", "schedule", "cron(30 22 ? * MON-FRI *)"));
        custom.hasResourceProperties("AWS::Events::Rule", Map.of("ScheduleExpression", "cron(30 22 ? * MON-FRI *)"));
    }

    @Test
    void theMorningEmailIsOptInAndSesAndBedrockAreGrantedOnlyWhenConfigured() {
        String morning = topic(stagingJson, "barlake-staging-morning");
        staging.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "barlake-staging-scan",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("BARLAKE_MORNING_TOPIC_ARN", Map.of("Ref", morning))))));
        staging.resourceCountIs("AWS::SNS::Subscription", 1); // the failure e-mail only: nobody is subscribed to the morning
        assertThat(stagingJson.toString()).doesNotContain("ses:SendEmail", "bedrock:InvokeModel", "BARLAKE_MORNING_SES_FROM",
                "BARLAKE_NARRATIVE_MODEL");

        Template configured = synth(Map.of("stage", "staging", "morningEmail", "desk@example.com",
                "morningSesFrom", "market@example.com", "morningSesTo", "quant@example.com, desk@example.com",
                "narrativeModel", "amazon.nova-lite-v1:0"));
        configured.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "desk@example.com"));
        configured.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "barlake-staging-scan",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("BARLAKE_MORNING_SES_FROM", "market@example.com",
                        "BARLAKE_MORNING_SES_TO", "quant@example.com,desk@example.com",
                        "BARLAKE_NARRATIVE_MODEL", "amazon.nova-lite-v1:0")))));
        String json = configured.toJSON().toString();
        assertThat(json).contains("ses:SendEmail", ":identity/market@example.com", ":identity/example.com", "bedrock:InvokeModel",
                "::foundation-model/amazon.nova-lite-v1:0");
        assertThat(catchThrowable(() -> synth(Map.of("stage", "staging", "morningSesFrom", "market@example.com"))))
                .hasMessageContaining("'morningSesFrom' and 'morningSesTo' go together");
    }

    @Test
    void failuresGoToAnEmailSubscriptionAndTwoAlarms() {
        staging.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "quant@example.com"));
        staging.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ExecutionsFailed", "Threshold", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
        staging.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("ComparisonOperator", "LessThanThreshold",
                "TreatMissingData", "breaching", "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", Pipeline.WEEKDAY_SUCCEEDED))))));
        for (Map<String, Object> alarm : resources(stagingJson, "AWS::CloudWatch::Alarm")) {
            assertThat((List<?>) properties(alarm).get("AlarmActions")).hasSize(1);
        }
    }

    @Test
    void noPolicyAllowsAWildcardActionOnAWildcardResource() {
        List<String> offenders = new ArrayList<>();
        for (Map<String, Object> json : List.of(stagingJson, prodJson)) {
            for (Map.Entry<String, Map<String, Object>> policy : named(json, "AWS::IAM::Policy")) {
                for (Map<?, ?> statement : statements(policy.getValue())) {
                    boolean wildcardAction = actions(statement).stream().anyMatch(a -> a.equals("*") || a.endsWith(":*"));
                    boolean wildcardResource = list(statement.get("Resource")).contains("*");
                    if ("Allow".equals(statement.get("Effect")) && (wildcardAction && wildcardResource || actions(statement).contains("*"))) {
                        offenders.add(policy.getKey() + ": " + statement);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(stagingJson.toString()).doesNotContain("\"Action\":\"*\"");
    }

    @Test
    void eachComponentWritesOnlyItsOwnLakePrefixes() {
        assertThat(puts("FunctionsFetchBars")).containsExactlyInAnyOrder("bronze/bars/*", "_state/watermarks/bronze-bars.json");
        assertThat(puts("FunctionsScan")).containsExactlyInAnyOrder("gold/signals/*", "gold/market/*", "gold/reports/*",
                "_state/checkpoints/gold-market.json", "_state/checkpoints/gold-signals.json", "_state/checkpoints/morning-email.json",
                "_state/alerts/rules.json");
        assertThat(puts("ApiServiceRole")).containsExactly("_state/alerts/rules.json");
        assertThat(puts("JobsResampleJobRole")).allMatch(key -> key.matches("silver/\\d+d/\\*|_state/checkpoints/resampler-\\*"));
        assertThat(puts("JobsConsolidateJobRole")).noneMatch(key -> key.startsWith("bronze/") || key.startsWith("gold/"));
    }

    @Test
    void theBarsFetcherMayReadTheConsolidatorsCheckpointToHealBronze() {
        // BarsFetcher reads it every night; without the grant S3 would refuse and the fetch fail.
        assertThat(objectKeys("FunctionsFetchBars", "s3:GetObject")).containsExactlyInAnyOrder(
                "bronze/bars/*", "_state/watermarks/*", "_state/checkpoints/silver-daily.json");
    }

    @Test
    void theStateMachineMayInvokeOnlyItsOwnFunctionsAndJobs() {
        Map.Entry<String, Map<String, Object>> policy = named(stagingJson, "AWS::IAM::Policy").stream()
                .filter(entry -> entry.getKey().startsWith("PipelineStateMachineRole")).findFirst().orElseThrow();
        List<String> invoked = new ArrayList<>();
        List<Object> submitted = new ArrayList<>();
        for (Map<?, ?> statement : statements(policy.getValue())) {
            if (actions(statement).contains("lambda:InvokeFunction")) {
                list(statement.get("Resource")).forEach(resource -> invoked.add(String.valueOf(((Map<?, ?>) resource).get("Ref"))));
            }
            if (actions(statement).contains("batch:SubmitJob")) {
                submitted.addAll(list(statement.get("Resource")));
            }
        }
        assertThat(invoked).hasSize(4).allMatch(ref -> ref.matches("Functions(FetchBars|FetchReference|Scan|ReportRun)Aliaslive[0-9A-F]{8}"));
        assertThat(submitted).containsExactlyInAnyOrder(
                Map.of("Fn::GetAtt", List.of(logicalId(stagingJson, "AWS::Batch::JobQueue"), "JobQueueArn")),
                Map.of("Ref", named(stagingJson, "AWS::Batch::JobDefinition").get(0).getKey()),
                Map.of("Ref", named(stagingJson, "AWS::Batch::JobDefinition").get(1).getKey()));
    }

    @Test
    void theOutputsNameTheBucketTheMachineAndTheBackfillCommand() {
        staging.hasOutput("BucketName", Map.of());
        staging.hasOutput("StateMachineArn", Map.of());
        staging.hasOutput("ApiUrl", Map.of());
        staging.hasOutput("BackfillCommand", Map.of("Value", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                "aws stepfunctions start-execution --state-machine-arn "))))));
    }

    @Test
    void badContextIsOneClearMessage() {
        assertThat(catchThrowable(() -> synth(Map.of("stage", "dev")))).hasMessage("Context 'stage' must be staging or prod, not 'dev'");
        assertThat(catchThrowable(() -> synth(Map.of("stage", "prod", "imageDigest", "latest")))).hasMessageContaining("imageDigest");
        App app = new App(AppProps.builder().context(Map.of("stage", "staging")).build());
        assertThat(catchThrowable(() -> StageSettings.fromContext(app.getNode())))
                .hasMessage("Context 'alertEmail' is missing: cdk deploy -c alertEmail=you@example.com");
    }

    // ---- reading the template ----

    private static List<String> puts(String policyPrefix) {
        return objectKeys(policyPrefix, "s3:PutObject");
    }

    private static List<String> objectKeys(String policyPrefix, String action) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> policy : named(stagingJson, "AWS::IAM::Policy")) {
            if (!policy.getKey().startsWith(policyPrefix)) {
                continue;
            }
            for (Map<?, ?> statement : statements(policy.getValue())) {
                if (actions(statement).contains(action)) {
                    list(statement.get("Resource")).forEach(resource -> keys.add(objectKey(resource)));
                }
            }
        }
        return keys;
    }

    /** The key pattern of {"Fn::Join":["",[{"Fn::GetAtt":[bucket,"Arn"]},"/key"]]}, the way CDK writes an object ARN. */
    private static String objectKey(Object resource) {
        List<?> join = list(((Map<?, ?>) resource).get("Fn::Join"));
        List<?> parts = list(join.get(1));
        String key = String.valueOf(parts.get(parts.size() - 1));
        assertThat(key).startsWith("/");
        return key.substring(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources(Map<String, Object> json, String type) {
        List<Map<String, Object>> found = new ArrayList<>();
        named(json, type).forEach(entry -> found.add(entry.getValue()));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Map<String, Object>>> named(Map<String, Object> json, String type) {
        List<Map.Entry<String, Map<String, Object>>> found = new ArrayList<>();
        ((Map<String, Object>) json.get("Resources")).forEach((name, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if (type.equals(resource.get("Type"))) {
                found.add(Map.entry(name, resource));
            }
        });
        return found;
    }

    /** The logical id of the SNS topic of that name. */
    private static String topic(Map<String, Object> json, String name) {
        return named(json, "AWS::SNS::Topic").stream().filter(entry -> name.equals(properties(entry.getValue()).get("TopicName")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static String logicalId(Map<String, Object> json, String type) {
        return named(json, type).get(0).getKey();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    private static List<Map<?, ?>> statements(Map<String, Object> policy) {
        List<Map<?, ?>> statements = new ArrayList<>();
        for (Object statement : list(((Map<?, ?>) properties(policy).get("PolicyDocument")).get("Statement"))) {
            statements.add((Map<?, ?>) statement);
        }
        return statements;
    }

    private static List<String> actions(Map<?, ?> statement) {
        List<String> actions = new ArrayList<>();
        list(statement.get("Action")).forEach(action -> actions.add(String.valueOf(action)));
        return actions;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> values ? values : value == null ? List.of() : List.of(value);
    }

    private static List<String> stringKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        map.keySet().forEach(key -> keys.add(String.valueOf(key)));
        return keys;
    }
}
