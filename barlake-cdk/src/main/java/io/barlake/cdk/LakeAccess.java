package io.barlake.cdk;

import io.barlake.lake.alerts.AlertRuleStore;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.DailyCheckpoint;
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
    /**
     * The bars fetcher: its bronze folder and its watermark; it also reads the consolidator's
     * checkpoint, to find consolidated bronze sessions whose object changed since and heal them.
     */
    public static final LakeAccess FETCH_BARS = new LakeAccess(
            List.of(LakeLayout.BRONZE_BARS, LakeLayout.WATERMARKS, LakeLayout.checkpoint(DailyCheckpoint.NAME)),
            List.of(LakeLayout.BRONZE_BARS, LakeLayout.watermark(LakeLayout.BRONZE_WATERMARK)),
            List.of(LakeLayout.BRONZE_BARS));
    /** The reference fetcher: the ticker, split and dividend snapshots and the ticker histories. */
    public static final LakeAccess FETCH_REFERENCE = new LakeAccess(
            List.of(LakeLayout.BRONZE_TICKERS, LakeLayout.BRONZE_SPLITS, LakeLayout.BRONZE_DIVIDENDS, LakeLayout.BRONZE_TICKER_EVENTS),
            List.of(LakeLayout.BRONZE_TICKERS, LakeLayout.BRONZE_SPLITS, LakeLayout.BRONZE_DIVIDENDS, LakeLayout.BRONZE_TICKER_EVENTS),
            List.of());
    /**
     * The consolidator: all of bronze in; silver daily, rejects, quality verdicts, reference data,
     * the verified splits, dividends, the symbol map and the refused actions out; old snapshots vacuumed.
     */
    public static final LakeAccess CONSOLIDATE = new LakeAccess(
            List.of(LakeLayout.BRONZE, LakeLayout.SILVER_DAILY, LakeLayout.SILVER_REJECTS, LakeLayout.SILVER_QUALITY,
                    LakeLayout.SILVER_TICKERS, LakeLayout.SILVER_SPLITS, LakeLayout.SILVER_DIVIDENDS, LakeLayout.SILVER_SYMBOL_MAP,
                    LakeLayout.SILVER_ACTION_REJECTS, LakeLayout.STATE),
            List.of(LakeLayout.SILVER_DAILY, LakeLayout.SILVER_REJECTS, LakeLayout.SILVER_QUALITY, LakeLayout.SILVER_TICKERS,
                    LakeLayout.SILVER_SPLITS, LakeLayout.SILVER_DIVIDENDS, LakeLayout.SILVER_SYMBOL_MAP, LakeLayout.SILVER_ACTION_REJECTS,
                    LakeLayout.watermark(LakeLayout.SILVER_WATERMARK), LakeLayout.checkpoint(DailyCheckpoint.NAME),
                    LakeLayout.checkpoint(LakeLayout.SPLIT_VERDICTS)),
            List.of(LakeLayout.BRONZE_TICKERS, LakeLayout.BRONZE_SPLITS, LakeLayout.SILVER_REJECTS,
                    LakeLayout.SILVER_ACTION_REJECTS));
    /** A resampler: silver daily and splits in, the six timeframes and its checkpoint out. */
    public static final LakeAccess RESAMPLE = new LakeAccess(
            List.of("silver/", "_state/checkpoints/"),
            List.of("silver/3d/", "silver/5d/", "silver/8d/", "silver/13d/", "silver/21d/", "silver/34d/",
                    "_state/checkpoints/resampler-"),
            List.of());
    /** The scan: silver in, gold signals out; the alert rules' firing times updated. */
    public static final LakeAccess SCAN = new LakeAccess(
            List.of("silver/", "gold/signals/", "_state/"),
            List.of("gold/signals/", AlertRuleStore.KEY),
            List.of());
    /** The API: bars, signals, state and run reports in; the alert rules it manages out. */
    public static final LakeAccess SERVING = new LakeAccess(
            List.of("silver/", "gold/signals/", "_state/", "_runs/"),
            List.of(AlertRuleStore.KEY),
            List.of());

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
        prefixes.forEach(prefix -> arns.add(bucket.arnForObjects(prefix.endsWith("/") || prefix.endsWith("-") ? prefix + "*" : prefix)));
        return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of(action)).resources(arns).build();
    }
}
