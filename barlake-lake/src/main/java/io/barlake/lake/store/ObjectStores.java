package io.barlake.lake.store;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Opens the object store a {@link LakeLocation} names. S3 settings come from the environment map:
 * {@code AWS_ENDPOINT_URL_S3} (an S3-compatible server, addressed path-style), {@code AWS_REGION}
 * (default {@code us-east-1}); credentials from {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}
 * (and {@code AWS_SESSION_TOKEN}) in the map when present, otherwise from the AWS SDK's default chain
 * (profiles, instance and task roles).
 */
public final class ObjectStores {
    /** Environment variable naming an S3-compatible endpoint. */
    public static final String ENDPOINT_SETTING = "AWS_ENDPOINT_URL_S3";

    private ObjectStores() {}

    /** Opens the store from the process environment. */
    public static ObjectStore open(LakeLocation location) {
        return open(location, System.getenv());
    }

    /** Opens the store, reading S3 settings from {@code environment}. */
    public static ObjectStore open(LakeLocation location, Map<String, String> environment) {
        if (!location.isS3()) {
            return new LocalObjectStore(location.folder());
        }
        return new S3ObjectStore(s3Client(environment), location.bucket(), location.prefix(), true);
    }

    /** An S3 client configured from the environment map as described above. */
    public static S3Client s3Client(Map<String, String> environment) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(environment.getOrDefault("AWS_REGION",
                        environment.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"))))
                // S3-compatible servers do not all understand the SDK's default trailing checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        String accessKey = environment.get("AWS_ACCESS_KEY_ID");
        String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey != null && secretKey != null) {
            // Taken from the given map rather than the process, so an injected environment is the whole truth.
            String sessionToken = environment.get("AWS_SESSION_TOKEN");
            builder.credentialsProvider(StaticCredentialsProvider.create(sessionToken == null
                    ? AwsBasicCredentials.create(accessKey, secretKey)
                    : AwsSessionCredentials.create(accessKey, secretKey, sessionToken)));
        }
        String endpoint = environment.get(ENDPOINT_SETTING);
        if (endpoint != null && !endpoint.isBlank()) {
            URI uri;
            try {
                uri = URI.create(endpoint.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(ENDPOINT_SETTING, endpoint, "not a URL");
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new InvalidSettingException(ENDPOINT_SETTING, endpoint, "expected http(s)://host[:port]");
            }
            builder.endpointOverride(uri).forcePathStyle(true);
        }
        return builder.build();
    }
}
