package io.barlake.cdk;

import io.barlake.lake.layout.LakeLayout;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The lake bucket: versioned (a bad run can be rolled back object by object), encrypted,
 * private, TLS only. Bronze is read again only on a re-consolidation, so it moves to Infrequent
 * Access after 30 days; superseded versions go after 30 days, Athena's results after 7. Production keeps the bucket when
 * the stack is deleted.
 */
public final class LakeBucket extends Construct {
    static final int BRONZE_TO_INFREQUENT_ACCESS_DAYS = 30;
    static final int NONCURRENT_VERSION_DAYS = 30;
    /** Athena's query results are for reading once: a week is plenty. */
    static final int ATHENA_RESULT_DAYS = 7;

    private final Bucket bucket;

    public LakeBucket(Construct scope, String id, StageSettings settings) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket")
                .versioned(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("bronze-to-infrequent-access").prefix(LakeLayout.BRONZE)
                                .transitions(List.of(Transition.builder().storageClass(StorageClass.INFREQUENT_ACCESS)
                                        .transitionAfter(Duration.days(BRONZE_TO_INFREQUENT_ACCESS_DAYS)).build()))
                                .build(),
                        LifecycleRule.builder().id("expire-athena-results").prefix(LakeLayout.ATHENA_RESULTS)
                                .expiration(Duration.days(ATHENA_RESULT_DAYS)).build(),
                        LifecycleRule.builder().id("expire-noncurrent-versions")
                                .noncurrentVersionExpiration(Duration.days(NONCURRENT_VERSION_DAYS))
                                .abortIncompleteMultipartUploadAfter(Duration.days(7)).build()))
                .removalPolicy(settings.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
    }

    public Bucket bucket() {
        return bucket;
    }

    /** The lake location the jobs and functions are given: {@code s3://bucket}. */
    public String location() {
        return "s3://" + bucket.getBucketName();
    }
}
