package io.barlake.consolidator.batch;

import io.barlake.consolidator.ConsolidationResult;
import io.barlake.consolidator.Consolidator;
import io.barlake.consolidator.Vacuum;
import io.barlake.lake.batch.BatchJob;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.WholeNumberSetting;
import io.barlake.lake.store.ObjectStore;
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
        System.exit(BatchJob.run("consolidate", ConsolidatorMain::consolidate, System.getenv(), Clock.systemUTC(), System.err));
    }

    public static String consolidate(ObjectStore store, Map<String, String> environment, Clock clock) {
        int vacuumDays = vacuumDays(environment);
        ConsolidationResult result = new Consolidator(store, TradingCalendar.nyse(), clock).consolidate();
        List<String> vacuumed = vacuumDays == 0 ? List.of() : new Vacuum(store, clock).run(vacuumDays);
        result.warnings().forEach(LOG::warn);
        return String.format("%d sessions (%d received = %d accepted + %d refused), years %s, %d objects written,"
                        + " splits changed for %d symbols, %d snapshots vacuumed, watermark %s",
                result.sessions().size(), result.received(), result.accepted(), result.refused(), result.yearsWritten(),
                result.objectsWritten(), result.splitsChanged().size(), vacuumed.size(), result.watermark());
    }

    /** {@value #VACUUM_DAYS}, checked; the CLI reads it before a run starts so a bad value stops nothing half-done. */
    public static int vacuumDays(Map<String, String> environment) {
        return (int) WholeNumberSetting.parse(VACUUM_DAYS, environment.get(VACUUM_DAYS), 30, 0, Integer.MAX_VALUE,
                "a whole number of days, 0 to turn vacuum off");
    }
}
