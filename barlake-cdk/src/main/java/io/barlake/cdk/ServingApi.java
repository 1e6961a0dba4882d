package io.barlake.cdk;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The serving API ({@code /health}, {@code /v1/quote}, bars, signals, backtest, alerts, status)
 * as one Lambda function behind a Function URL: no API Gateway to pay for, and the same payload
 * format 2.0 that {@code HttpApiHandler} reads. The URL itself is public; the function asks every
 * {@code /v1} request for an {@code x-api-key} whose SHA-256 is in {@code BARLAKE_API_KEYS} (the
 * stack's {@value BarlakeStack#API_KEYS_PARAMETER} parameter), so with no keys configured it
 * refuses them all. Rate limits and the daily quota are counted per function instance.
 *
 * <p>1,024 MB and 30 s: a five-year backtest takes milliseconds once the bars are read, and the
 * memory buys the CPU for the first read of a symbol. Quotes use Polygon's previous close with the
 * fetchers' key, which this function may read too.
 */
public final class ServingApi extends Construct {
    static final int MEMORY_MB = 1024;

    private final Function function;
    private final Alias live;
    private final FunctionUrl url;

    public ServingApi(Construct scope, String id, StageSettings settings, LakeBucket lake, ISecret polygonKey,
            String apiKeyHashes) {
        super(scope, id);
        function = LambdaFunctions.create(this, settings, "Api", "io.barlake.serving.lambda.HttpApiHandler",
                Code.fromAsset(settings.lambdaJar("barlake-serving").toString()), MEMORY_MB, Duration.seconds(30),
                Map.of("BARLAKE_LAKE", lake.location(),
                        "POLYGON_API_KEY_SECRET_ARN", polygonKey.getSecretArn(),
                        "BARLAKE_API_KEYS", apiKeyHashes));
        polygonKey.grantRead(function);
        LakeAccess.SERVING.grant(function, lake.bucket());
        live = function.addAlias("live");
        url = live.addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.NONE).build());
    }

    public Function function() {
        return function;
    }

    /** The published version behind the URL (SnapStart restores from it). */
    public Alias live() {
        return live;
    }

    public FunctionUrl url() {
        return url;
    }
}
