package io.barlake.serving.dynamodb;

import io.barlake.lake.store.AwsClientSettings;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client of the limits and keys tables, configured as the lake's S3 client is
 * ({@link AwsClientSettings}; {@code AWS_ENDPOINT_URL_DYNAMODB} for another endpoint), and the
 * settings that name the tables.
 */
public final class DynamoDbTables {
    /** The table of token buckets and daily counts; set by the CDK app on the API function. */
    public static final String LIMITS_TABLE = "BARLAKE_LIMITS_TABLE";
    /** The table of issued keys' hashes. */
    public static final String KEYS_TABLE = "BARLAKE_KEYS_TABLE";

    private DynamoDbTables() {}

    /** The limits in {@code table}, for every instance that names it. */
    public static io.barlake.serving.access.Limits limits(Map<String, String> environment, String table, long perSecond, long burst,
            long dailyQuota, java.time.Clock clock) {
        return new DynamoDbLimits(client(environment), table, perSecond, burst, dailyQuota, clock);
    }

    /** The keys issued into {@code table}. */
    public static DynamoDbKeys keys(Map<String, String> environment, String table, java.time.Clock clock) {
        return new DynamoDbKeys(client(environment), table, clock);
    }

    public static DynamoDbClient client(Map<String, String> environment) {
        var builder = DynamoDbClient.builder().region(AwsClientSettings.region(environment));
        AwsClientSettings.apply(builder, environment, "AWS_ENDPOINT_URL_DYNAMODB");
        return builder.build();
    }
}
