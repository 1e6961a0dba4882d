package io.barlake.consolidator.batch;

import io.barlake.consolidator.ConsolidationResult;
import io.barlake.consolidator.Consolidator;
import io.barlake.consolidator.SplitCheck;
import io.barlake.consolidator.Vacuum;
import io.barlake.lake.batch.BatchJob;
import io.barlake.lake.batch.JobMetrics;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.state.HeldSessionException;
import io.barlake.lake.state.QualityReport;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.WholeNumberSetting;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Consolidate job: bronze to silver daily, then vacuum of superseded reference snapshots older
 * than {@code BARLAKE_VACUUM_DAYS} (default 30; {@code 0} turns it off).
 */
public final class ConsolidatorMain {
    public static final String VACUUM_DAYS = "BARLAKE_VACUUM_DAYS";
    private static final Logger LOG = LoggerFactory.getLogger(ConsolidatorMain.class);

    private ConsolidatorMain() {}

    public static void main(String[] args) {
        // On AWS the job's figures also go to standard output as one JSON line, for the stack's metric filters.
        System.exit(BatchJob.run("consolidate", (store, environment, clock) -> consolidate(store, environment, clock, System.out),
                System.getenv(), Clock.systemUTC(), System.err));
    }

    public static String consolidate(ObjectStore store, Map<String, String> environment, Clock clock) {
        return consolidate(store, environment, clock, null);
    }

    /** The same, printing the job's {@link JobMetrics} line on {@code metrics} when it is given (a Batch job). */
    static String consolidate(ObjectStore store, Map<String, String> environment, Clock clock, java.io.PrintStream metrics) {
        int vacuumDays = vacuumDays(environment);
        int maxDrop = Consolidator.maxDrop(environment);
        ConsolidationResult result = new Consolidator(store, TradingCalendar.nyse(), clock, maxDrop).consolidate();
        List<String> vacuumed = vacuumDays == 0 ? List.of() : new Vacuum(store, clock).run(vacuumDays);
        result.warnings().forEach(LOG::warn);
        if (metrics != null) {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            counts.put("sessions", (long) result.sessions().size());
            counts.put("received", (long) result.received());
            counts.put("accepted", (long) result.accepted());
            counts.put("refused", (long) result.refused());
            counts.put("held", (long) result.held().size());
            counts.put("warnings", (long) result.warnings().size());
            counts.put("objects_written", (long) result.objectsWritten());
            JobMetrics.print(metrics, "consolidate", environment, counts);
        }
        if (!result.held().isEmpty()) {
            QualityReport held = result.held().get(0);
            throw new HeldSessionException("session " + held.session() + " held by the quality gate: " + held.reason()
                    + (result.held().size() > 1 ? " (and " + (result.held().size() - 1) + " more)" : "")
                    + "; fetch it again (barlake backfill --from " + held.session() + " --to " + held.session()
                    + ") or publish it as it is with " + Consolidator.MAX_DROP + "=100");
        }
        return String.format("%d sessions (%d received = %d accepted + %d refused), years %s, %d objects written,"
                        + " splits %s, splits changed for %d symbols, %d snapshots vacuumed, watermark %s",
                result.sessions().size(), result.received(), result.accepted(), result.refused(), result.yearsWritten(),
                result.objectsWritten(), verdicts(result), result.splitsChanged().size(), vacuumed.size(), result.watermark());
    }

    /** {@code 12 confirmed, 1 duplicate, 3 pending}: every verdict with its count, in the order of {@link SplitCheck.Status}. */
    private static String verdicts(ConsolidationResult result) {
        if (result.splitVerdicts().isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (SplitCheck.Status status : SplitCheck.Status.values()) {
            Integer count = result.splitVerdicts().get(status);
            if (count != null) {
                text.append(text.length() == 0 ? "" : ", ").append(count).append(' ')
                        .append(status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        return text.toString();
    }

    /** {@value #VACUUM_DAYS}, checked; the CLI reads it before a run starts so a bad value stops nothing half-done. */
    public static int vacuumDays(Map<String, String> environment) {
        return (int) WholeNumberSetting.parse(VACUUM_DAYS, environment.get(VACUUM_DAYS), 30, 0, Integer.MAX_VALUE,
                "a whole number of days, 0 to turn vacuum off");
    }
}
