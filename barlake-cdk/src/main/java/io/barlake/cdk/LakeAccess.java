package io.barlake.cdk;

import io.barlake.lake.access.LakeGrants;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * The lake prefixes one function or job may touch, as IAM statements on exactly those keys:
 * {@code s3:GetObject} on what it reads, {@code s3:PutObject} on what it writes,
 * {@code s3:DeleteObject} on what it removes. {@code s3:ListBucket} is on the bucket without a
 * prefix condition: without it S3 answers a read of a missing key with 403 instead of 404, and the
 * code relies on "not found" (a first run has no watermark yet). Names are listed, never contents.
 * Each component's set follows what its code opens (see {@code LakeLayout}).
 */
public record LakeAccess(List<String> read, List<String> write, List<String> delete) {
    /** {@link LakeGrants#FETCH_BARS}. */
    public static final LakeAccess FETCH_BARS = of(LakeGrants.FETCH_BARS);
    /** {@link LakeGrants#FETCH_REFERENCE}. */
    public static final LakeAccess FETCH_REFERENCE = of(LakeGrants.FETCH_REFERENCE);
    /** {@link LakeGrants#CONSOLIDATE}. */
    public static final LakeAccess CONSOLIDATE = of(LakeGrants.CONSOLIDATE);
    /** {@link LakeGrants#RESAMPLE}. */
    public static final LakeAccess RESAMPLE = of(LakeGrants.RESAMPLE);
    /** {@link LakeGrants#SCAN}. */
    public static final LakeAccess SCAN = of(LakeGrants.SCAN);
    /** {@link LakeGrants#SERVING}. */
    public static final LakeAccess SERVING = of(LakeGrants.SERVING);
    /** {@link LakeGrants#REPORT_RUN}. */
    public static final LakeAccess REPORT_RUN = of(LakeGrants.REPORT_RUN);

    /** The IAM side of a component's grants. */
    public static LakeAccess of(LakeGrants grants) {
        return new LakeAccess(grants.read(), grants.write(), grants.delete());
    }

    /** Adds the statements to {@code grantee}'s policy. */
    public void grant(IGrantable grantee, IBucket bucket) {
        statements(bucket).forEach(statement -> grantee.getGrantPrincipal().addToPrincipalPolicy(statement));
    }

    List<PolicyStatement> statements(IBucket bucket) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(objects(bucket, "s3:GetObject", read));
        if (!write.isEmpty()) {
            statements.add(objects(bucket, "s3:PutObject", write));
        }
        if (!delete.isEmpty()) {
            statements.add(objects(bucket, "s3:DeleteObject", delete));
        }
        statements.add(PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn())).build());
        return statements;
    }

    private static PolicyStatement objects(IBucket bucket, String action, List<String> prefixes) {
        List<String> arns = new ArrayList<>();
        prefixes.forEach(prefix -> arns.add(bucket.arnForObjects(LakeGrants.isPrefix(prefix) ? prefix + "*" : prefix)));
        return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of(action)).resources(arns).build();
    }
}
