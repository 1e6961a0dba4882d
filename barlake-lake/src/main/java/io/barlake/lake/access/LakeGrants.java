package io.barlake.lake.access;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.state.DailyCheckpoint;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lake keys each deployed component may touch: what it reads, writes and deletes, as prefixes
 * (ending in {@code /} or {@code -}) or whole keys, all built from {@link LakeLayout}. The CDK app
 * turns each set into the component's IAM statements, and a test runs every component against a
 * recording store and checks each key it touched against its set, so a key IAM would refuse fails
 * the build instead of the night. Listing is not restricted (S3 needs it to answer "not found").
 *
 * @param read   readable prefixes and keys
 * @param write  writable prefixes and keys
 * @param delete deletable prefixes and keys
 */
public record LakeGrants(List<String> read, List<String> write, List<String> delete) {
    /**
     * The bars fetcher: its bronze folder and its watermark; it also reads the consolidator's
     * checkpoint, to find consolidated bronze sessions whose object changed since and heal them.
     */
    public static final LakeGrants FETCH_BARS = new LakeGrants(
            List.of(LakeLayout.BRONZE_BARS, LakeLayout.WATERMARKS, LakeLayout.checkpoint(DailyCheckpoint.NAME)),
            List.of(LakeLayout.BRONZE_BARS, LakeLayout.watermark(LakeLayout.BRONZE_WATERMARK)),
            List.of(LakeLayout.BRONZE_BARS));
    /** The reference fetcher: the ticker, split and dividend snapshots and the ticker histories. */
    public static final LakeGrants FETCH_REFERENCE = new LakeGrants(
            List.of(LakeLayout.BRONZE_TICKERS, LakeLayout.BRONZE_SPLITS, LakeLayout.BRONZE_DIVIDENDS, LakeLayout.BRONZE_TICKER_EVENTS),
            List.of(LakeLayout.BRONZE_TICKERS, LakeLayout.BRONZE_SPLITS, LakeLayout.BRONZE_DIVIDENDS, LakeLayout.BRONZE_TICKER_EVENTS),
            List.of());
    /**
     * The consolidator: all of bronze in; silver daily, rejects, quality verdicts, reference data,
     * the verified splits, dividends, the symbol map and the refused actions out; old snapshots vacuumed.
     */
    public static final LakeGrants CONSOLIDATE = new LakeGrants(
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
    public static final LakeGrants RESAMPLE = new LakeGrants(
            List.of(LakeLayout.SILVER, LakeLayout.CHECKPOINTS),
            Stream.concat(Timeframe.resampled().stream().map(LakeLayout::barsPrefix),
                    Stream.of(LakeLayout.CHECKPOINTS + LakeLayout.RESAMPLER_CHECKPOINT)).toList(),
            List.of());
    /**
     * The scan: silver in; gold signals and the market datasets (and their checkpoints) out, their
     * sessions silver no longer holds removed; the alert rules' firing times and the morning e-mail's
     * last session updated.
     */
    public static final LakeGrants SCAN = new LakeGrants(
            List.of(LakeLayout.SILVER, LakeLayout.GOLD_SIGNALS, LakeLayout.GOLD_MARKET, LakeLayout.GOLD_REPORTS, LakeLayout.STATE),
            List.of(LakeLayout.GOLD_SIGNALS, LakeLayout.GOLD_MARKET, LakeLayout.GOLD_REPORTS, LakeLayout.checkpoint(LakeLayout.GOLD_MARKET_CHECKPOINT),
                    LakeLayout.checkpoint(LakeLayout.GOLD_SIGNALS_CHECKPOINT), LakeLayout.checkpoint(LakeLayout.MORNING_EMAIL_CHECKPOINT),
                    LakeLayout.ALERT_RULES),
            List.of(LakeLayout.GOLD_SIGNALS, LakeLayout.GOLD_MARKET, LakeLayout.GOLD_REPORTS));
    /** The API: bars, signals, the market datasets, state and run reports in; the alert rules it manages out. */
    public static final LakeGrants SERVING = new LakeGrants(
            List.of(LakeLayout.SILVER, LakeLayout.GOLD_SIGNALS, LakeLayout.GOLD_MARKET, LakeLayout.GOLD_REPORTS, LakeLayout.STATE,
                    LakeLayout.RUNS),
            List.of(LakeLayout.ALERT_RULES),
            List.of());

    /**
     * The run report task of a deployed run: the quality verdicts the run wrote in, its report under
     * {@code _runs/} out (and the bucket listed, to count what the run wrote).
     */
    public static final LakeGrants REPORT_RUN = new LakeGrants(
            List.of(LakeLayout.SILVER_QUALITY),
            List.of(LakeLayout.RUNS),
            List.of());

    public LakeGrants {
        read = List.copyOf(requireNonNull(read, "read is null"));
        write = List.copyOf(requireNonNull(write, "write is null"));
        delete = List.copyOf(requireNonNull(delete, "delete is null"));
    }

    public boolean mayRead(String key) {
        return covers(read, key);
    }

    public boolean mayWrite(String key) {
        return covers(write, key);
    }

    public boolean mayDelete(String key) {
        return covers(delete, key);
    }

    /** True when a grant names the key or is a prefix of it (a grant ending in {@code /} or {@code -}). */
    private static boolean covers(List<String> grants, String key) {
        return grants.stream().anyMatch(grant -> isPrefix(grant) ? key.startsWith(grant) : key.equals(grant));
    }

    /** A grant that names a prefix rather than one key. */
    public static boolean isPrefix(String grant) {
        return grant.endsWith("/") || grant.endsWith("-");
    }
}
