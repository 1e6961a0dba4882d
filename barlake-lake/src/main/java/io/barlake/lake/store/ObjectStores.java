package io.barlake.lake.store;

import java.util.Map;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
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
                .region(AwsClientSettings.region(environment))
                // S3-compatible servers do not all understand the SDK's default trailing checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (AwsClientSettings.apply(builder, environment, ENDPOINT_SETTING)) {
            builder.forcePathStyle(true);
        }
        return builder.build();
    }
}
