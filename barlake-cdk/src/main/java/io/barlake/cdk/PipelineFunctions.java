package io.barlake.cdk;

import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The three Lambda functions, each published with SnapStart behind a {@code live} alias that the
 * state machine invokes (SnapStart applies to published versions only).
 *
 * <ul>
 *   <li>FetchBars: 1,024 MB, 15 min. A chunk works for at most 10 minutes (its time budget, cut
 *       to what Lambda has left minus a minute) and parses one grouped-daily response of about
 *       12,000 records at a time. It alone reads the Polygon key, from Secrets Manager, by ARN.</li>
 *   <li>FetchReference: 1,024 MB, 10 min: the ticker pages (1,000 a page) and the splits.</li>
 *   <li>Scan: 3,008 MB, 15 min: it reads a year of silver in seven timeframes for the whole
 *       universe; memory also buys the CPU the indicators use.</li>
 * </ul>
 */
public final class PipelineFunctions extends Construct {
    static final int FETCH_MEMORY_MB = 1024;
    static final int SCAN_MEMORY_MB = 3008;

    private final Function fetchBars;
    private final Function fetchReference;
    private final Function scan;
    private final Alias fetchBarsAlias;
    private final Alias fetchReferenceAlias;
    private final Alias scanAlias;

    public PipelineFunctions(Construct scope, String id, StageSettings settings, LakeBucket lake, ISecret polygonKey) {
        super(scope, id);
        Code fetchers = Code.fromAsset(settings.lambdaJar("barlake-fetchers").toString());
        Map<String, String> fetcherEnvironment = Map.of(
                "BARLAKE_LAKE", lake.location(),
                "POLYGON_API_KEY_SECRET_ARN", polygonKey.getSecretArn());
        fetchBars = function(settings, "FetchBars", "io.barlake.fetchers.lambda.FetchBarsHandler", fetchers,
                FETCH_MEMORY_MB, Duration.minutes(15), fetcherEnvironment);
        fetchReference = function(settings, "FetchReference", "io.barlake.fetchers.lambda.FetchReferenceHandler", fetchers,
                FETCH_MEMORY_MB, Duration.minutes(10), fetcherEnvironment);
        scan = function(settings, "Scan", "io.barlake.statemachine.scan.ScanHandler",
                Code.fromAsset(settings.lambdaJar("barlake-statemachine").toString()), SCAN_MEMORY_MB, Duration.minutes(15),
                Map.of("BARLAKE_LAKE", lake.location()));
        polygonKey.grantRead(fetchBars);
        polygonKey.grantRead(fetchReference);
        LakeAccess.FETCH_BARS.grant(fetchBars, lake.bucket());
        LakeAccess.FETCH_REFERENCE.grant(fetchReference, lake.bucket());
        LakeAccess.SCAN.grant(scan, lake.bucket());
        fetchBarsAlias = fetchBars.addAlias("live");
        fetchReferenceAlias = fetchReference.addAlias("live");
        scanAlias = scan.addAlias("live");
    }

    private Function function(StageSettings settings, String name, String handler, Code code, int memory, Duration timeout,
            Map<String, String> environment) {
        LogGroup logs = LogGroup.Builder.create(this, name + "Logs")
                .logGroupName("/aws/lambda/" + settings.prefix() + "-" + kebab(name))
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(settings.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        Function function = Function.Builder.create(this, name)
                .functionName(settings.prefix() + "-" + kebab(name))
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handler + "::handleRequest")
                .code(code)
                .memorySize(memory)
                .timeout(timeout)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(environment)
                .logGroup(logs)
                .description("Barlake " + settings.stage() + ": " + name)
                .build();
        // CDK warns that SnapStart needs a published version: the live alias below publishes one.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "published through the live alias the state machine invokes");
        return function;
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
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
}
