package io.barlake.cdk;

import io.barlake.lake.batch.JobMetrics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The three Lambda functions, each published with SnapStart behind a {@code live} alias that the
 * state machine invokes (SnapStart applies to published versions only).
 *
 * <ul>
 *   <li>FetchBars: 1,024 MB, 15 min. A chunk works for at most 10 minutes (its time budget, cut
 *       to what Lambda has left minus a minute) and parses one grouped-daily response of about
 *       12,000 records at a time. The fetchers read the Polygon key from Secrets Manager, by ARN
 *       (the API does too, for quotes: {@link ServingApi}).</li>
 *   <li>FetchReference: 1,024 MB, 10 min: the ticker pages (1,000 a page) and the splits.</li>
 *   <li>Scan: 3,008 MB, 15 min: it reads the whole daily history of the universe and writes the
 *       market datasets and the picks of every session due (a five-year backfill of 12,000
 *       symbols: about 4 minutes of picks on 2 cores, within a 3 GB heap; a night: about 15 s);
 *       memory also buys the CPU the indicators use. It then checks the alert rules the
 *       API stored and publishes each firing to the alerts topic, and sends the morning e-mail
 *       ({@link MorningSettings}) to the morning topic or through SES.</li>
 * </ul>
 */
public final class PipelineFunctions extends Construct {
    static final int FETCH_MEMORY_MB = 1024;
    static final int SCAN_MEMORY_MB = 3008;
    /** Reads one history and lists the bucket: the smallest memory that starts a JVM quickly. */
    static final int REPORT_MEMORY_MB = 512;

    private final Function fetchBars;
    private final Function fetchReference;
    private final Function scan;
    private final Function reportRun;
    private final Alias reportRunAlias;
    private final Alias fetchBarsAlias;
    private final Alias fetchReferenceAlias;
    private final Alias scanAlias;

    public PipelineFunctions(Construct scope, String id, StageSettings settings, LakeBucket lake, ISecret polygonKey,
            ITopic alerts, ITopic morning, MorningSettings morningSettings) {
        super(scope, id);
        Code fetchers = Code.fromAsset(settings.lambdaJar("barlake-fetchers").toString());
        Map<String, String> fetcherEnvironment = Map.of(
                "BARLAKE_LAKE", lake.location(),
                "POLYGON_API_KEY_SECRET_ARN", polygonKey.getSecretArn(),
                JobMetrics.NAMESPACE_SETTING, Observability.namespace(settings));
        fetchBars = function(settings, "FetchBars", "io.barlake.fetchers.lambda.FetchBarsHandler", fetchers,
                FETCH_MEMORY_MB, Duration.minutes(15), fetcherEnvironment);
        fetchReference = function(settings, "FetchReference", "io.barlake.fetchers.lambda.FetchReferenceHandler", fetchers,
                FETCH_MEMORY_MB, Duration.minutes(10), fetcherEnvironment);
        Map<String, String> scanEnvironment = new TreeMap<>(Map.of("BARLAKE_LAKE", lake.location(),
                "BARLAKE_ALERT_TOPIC_ARN", alerts.getTopicArn(), "BARLAKE_MORNING_TOPIC_ARN", morning.getTopicArn()));
        morningSettings.sesFrom().ifPresent(from -> {
            scanEnvironment.put("BARLAKE_MORNING_SES_FROM", from);
            scanEnvironment.put("BARLAKE_MORNING_SES_TO", String.join(",", morningSettings.sesTo()));
        });
        morningSettings.narrativeModel().ifPresent(model -> scanEnvironment.put("BARLAKE_NARRATIVE_MODEL", model));
        scan = function(settings, "Scan", "io.barlake.signals.lambda.ScanHandler",
                Code.fromAsset(settings.lambdaJar("barlake-signals").toString()), SCAN_MEMORY_MB, Duration.minutes(15),
                scanEnvironment);
        // The run report: a small function in the scan's jar, the last task on both paths of the state machine.
        reportRun = function(settings, "ReportRun", "io.barlake.signals.lambda.RunReportHandler",
                Code.fromAsset(settings.lambdaJar("barlake-signals").toString()), REPORT_MEMORY_MB, Duration.minutes(5),
                Map.of("BARLAKE_LAKE", lake.location()));
        LakeAccess.REPORT_RUN.grant(reportRun, lake.bucket());
        // Its own executions' history, named from the state machine's name: an ARN would make the function and the state machine
        // depend on each other.
        Stack here = Stack.of(this);
        reportRun.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("states:DescribeExecution", "states:GetExecutionHistory"))
                .resources(List.of(here.formatArn(ArnComponents.builder().service("states").resource("execution")
                        .resourceName(Pipeline.stateMachineName(settings) + ":*").arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME)
                        .build())))
                .build());
        polygonKey.grantRead(fetchBars);
        polygonKey.grantRead(fetchReference);
        LakeAccess.FETCH_BARS.grant(fetchBars, lake.bucket());
        LakeAccess.FETCH_REFERENCE.grant(fetchReference, lake.bucket());
        LakeAccess.SCAN.grant(scan, lake.bucket());
        alerts.grantPublish(scan);
        morning.grantPublish(scan);
        Stack stack = Stack.of(this);
        if (morningSettings.sesFrom().isPresent()) {
            scan.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("ses:SendEmail"))
                    .resources(List.of(stack.formatArn(identity(morningSettings.sesFrom().get())),
                            stack.formatArn(identity(morningSettings.sesDomain())))).build());
        }
        morningSettings.narrativeModel().ifPresent(model -> scan.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("bedrock:InvokeModel")).resources(List.of(stack.formatArn(ArnComponents.builder().service("bedrock")
                        .account("").resource("foundation-model").resourceName(model).build()))).build()));
        fetchBarsAlias = fetchBars.addAlias("live");
        fetchReferenceAlias = fetchReference.addAlias("live");
        scanAlias = scan.addAlias("live");
        reportRunAlias = reportRun.addAlias("live");
    }

    private static ArnComponents identity(String name) {
        return ArnComponents.builder().service("ses").resource("identity").resourceName(name).build();
    }

    private Function function(StageSettings settings, String name, String handler, Code code, int memory, Duration timeout,
            Map<String, String> environment) {
        return LambdaFunctions.create(this, settings, name, handler, code, memory, timeout, environment);
    }

    public Alias fetchBars() {
        return fetchBarsAlias;
    }

    public Alias fetchReference() {
        return fetchReferenceAlias;
    }

    public Alias scan() {
        return scanAlias;
    }

    public Alias reportRun() {
        return reportRunAlias;
    }
}
