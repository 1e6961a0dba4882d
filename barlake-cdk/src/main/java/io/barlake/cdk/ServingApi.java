package io.barlake.cdk;

import io.barlake.serving.dynamodb.DynamoDbKeys;
import io.barlake.serving.dynamodb.DynamoDbLimits;
import io.barlake.serving.dynamodb.DynamoDbTables;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
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
 * stack's {@value BarlakeStack#API_KEYS_PARAMETER} parameter) or in the keys table, where
 * {@code barlake keys create} issues them without a redeploy; with neither it refuses them all.
 * Rate limits and the daily quota are counted in a DynamoDB table every instance shares (on
 * demand, items expiring by TTL): ten instances allow one quota, not ten.
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
    private final Table limits;
    private final Table keys;

    public ServingApi(Construct scope, String id, StageSettings settings, LakeBucket lake, ISecret polygonKey,
            String apiKeyHashes) {
        super(scope, id);
        limits = Table.Builder.create(this, "Limits").tableName(settings.prefix() + "-limits")
                .partitionKey(Attribute.builder().name(DynamoDbLimits.KEY).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).timeToLiveAttribute(DynamoDbLimits.EXPIRES)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        keys = Table.Builder.create(this, "Keys").tableName(settings.prefix() + "-keys")
                .partitionKey(Attribute.builder().name(DynamoDbKeys.HASH).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(settings.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY).build();
        function = LambdaFunctions.create(this, settings, "Api", "io.barlake.serving.lambda.HttpApiHandler",
                Code.fromAsset(settings.lambdaJar("barlake-serving").toString()), MEMORY_MB, Duration.seconds(30),
                Map.of("BARLAKE_LAKE", lake.location(),
                        "POLYGON_API_KEY_SECRET_ARN", polygonKey.getSecretArn(),
                        "BARLAKE_API_KEYS", apiKeyHashes,
                        DynamoDbTables.LIMITS_TABLE, limits.getTableName(),
                        DynamoDbTables.KEYS_TABLE, keys.getTableName(),
                        io.barlake.lake.batch.JobMetrics.NAMESPACE_SETTING, Observability.namespace(settings)));
        polygonKey.grantRead(function);
        // Only what DynamoDbLimits and DynamoDbKeys do: read and write the limits, read the keys (issued by an operator's CLI).
        limits.grant(function, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        keys.grant(function, "dynamodb:GetItem");
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

    /** The table of token buckets and daily counts. */
    public Table limits() {
        return limits;
    }

    /** The table of issued keys' hashes ({@code barlake keys}). */
    public Table keys() {
        return keys;
    }
}
