package io.barlake.lake.store;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Configures an AWS SDK client from an environment map, the same way for every service Barlake
 * talks to (S3, SNS): the region from {@code AWS_REGION} or {@code AWS_DEFAULT_REGION} (default
 * {@code us-east-1}) unless the caller knows better; credentials from {@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY} (and {@code AWS_SESSION_TOKEN}) in the map when present, otherwise
 * the SDK's default chain (profiles, instance and task roles); and an endpoint override from the
 * service's {@code AWS_ENDPOINT_URL_<SERVICE>} setting, checked to be an http(s) URL.
 */
public final class AwsClientSettings {
    private AwsClientSettings() {}

    /** The region the environment names, or {@code us-east-1}. */
    public static Region region(Map<String, String> environment) {
        return Region.of(environment.getOrDefault("AWS_REGION", environment.getOrDefault("AWS_DEFAULT_REGION", "us-east-1")));
    }

    /**
     * Applies the credentials and the endpoint of {@code endpointSetting} to {@code builder}.
     *
     * @return whether an endpoint override was set (S3 then addresses buckets path-style)
     * @throws InvalidSettingException when the endpoint is not an http(s) URL
     */
    public static boolean apply(AwsClientBuilder<?, ?> builder, Map<String, String> environment, String endpointSetting) {
        String accessKey = environment.get("AWS_ACCESS_KEY_ID");
        String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey != null && secretKey != null) {
            // Taken from the given map rather than the process, so an injected environment is the whole truth.
            String sessionToken = environment.get("AWS_SESSION_TOKEN");
            builder.credentialsProvider(StaticCredentialsProvider.create(sessionToken == null
                    ? AwsBasicCredentials.create(accessKey, secretKey)
                    : AwsSessionCredentials.create(accessKey, secretKey, sessionToken)));
        }
        String endpoint = environment.get(endpointSetting);
        if (endpoint == null || endpoint.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(endpointSetting, endpoint, "not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new InvalidSettingException(endpointSetting, endpoint, "expected http(s)://host[:port]");
        }
        builder.endpointOverride(uri);
        return true;
    }
}
