package io.barlake.lake.batch;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.state.RunIds;
import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStores;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The frame of every AWS Batch main: read the lake from {@code BARLAKE_LAKE}, put the run id
 * ({@code BARLAKE_RUN_ID}, or a new one) and the job name on every log line, run the work, and map
 * the outcome to an exit code — 0, or 1 with one clear line on standard error. Every write of the
 * work is atomic and checkpoints follow the data, so a failed job leaves a consistent lake that the
 * next run completes.
 */
public final class BatchJob {
    /** The work of one job, given the opened lake. */
    @FunctionalInterface
    public interface Work {
        /** Runs the job and returns a one-line summary for the log. */
        String run(ObjectStore store, Map<String, String> environment, Clock clock) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(BatchJob.class);

    private BatchJob() {}

    /** Runs the work and returns the process exit code. */
    public static int run(String job, Work work, Map<String, String> environment, Clock clock, PrintStream err) {
        requireNonNull(job, "job is null");
        String runId = environment.getOrDefault("BARLAKE_RUN_ID", RunIds.next(clock.instant(), new SecureRandom()));
        MDC.put("run_id", runId);
        MDC.put("job", job);
        try {
            LakeLocation location = LakeLocation.parse(environment.getOrDefault(LakeLocation.SETTING, LakeLocation.DEFAULT),
                    LakeLocation.SETTING);
            try (ObjectStore store = ObjectStores.open(location, environment)) {
                LOG.info("{} starting on {}", job, store.location());
                String summary = work.run(store, environment, clock);
                LOG.info("{} done: {}", job, summary);
                return 0;
            }
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            LOG.error("{} failed: {}", job, message, e);
            err.println(job + ": " + message);
            return 1;
        } finally {
            MDC.clear();
        }
    }
}
