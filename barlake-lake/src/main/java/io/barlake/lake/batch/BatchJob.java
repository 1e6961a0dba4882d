package io.barlake.lake.batch;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.state.CorruptStateException;
import io.barlake.lake.state.DamagedLakeException;
import io.barlake.lake.state.HeldSessionException;
import io.barlake.lake.state.RunIds;
import io.barlake.lake.store.InvalidSettingException;
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
 * the outcome to an exit code with one clear line on standard error: 0; {@value #FAILED} for a
 * failure that another attempt may not meet; {@value #BAD_SETTING} for a bad setting and
 * {@value #DAMAGED} for a damaged lake or a session the quality gate held, which only repeat. The job definitions (and the local
 * engine) retry a job {@value #ATTEMPTS} times in all, never after {@value #BAD_SETTING} or
 * {@value #DAMAGED}. Every write of the work is atomic and checkpoints follow the data, so a
 * failed job leaves a consistent lake that the next run completes. The stack trace is logged at
 * logged only with {@code BARLAKE_DEBUG=1}: the line says what happened.
 */
public final class BatchJob {
    /** The work of one job, given the opened lake. */
    @FunctionalInterface
    public interface Work {
        /** Runs the job and returns a one-line summary for the log. */
        String run(ObjectStore store, Map<String, String> environment, Clock clock) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(BatchJob.class);
    /** A failure another attempt may not meet: retried. */
    public static final int FAILED = 1;
    /** A missing or malformed setting: not retried. */
    public static final int BAD_SETTING = 2;
    /** State or data that is damaged and cannot be rebuilt here: not retried. */
    public static final int DAMAGED = 3;
    /** {@code BARLAKE_DEBUG=1}: a failure's stack trace is logged. */
    public static final String DEBUG_SETTING = "BARLAKE_DEBUG";
    /** Attempts of a job in all, the first included. */
    public static final int ATTEMPTS = 2;

    private BatchJob() {}

    /** The exit code of a failure: whether trying again could help. */
    public static int exitCode(Exception e) {
        if (e instanceof InvalidSettingException) {
            return BAD_SETTING;
        }
        if (e instanceof CorruptStateException || e instanceof DamagedLakeException || e instanceof HeldSessionException) {
            return DAMAGED;
        }
        return FAILED;
    }

    /** True when another attempt of a job that exited so may succeed. */
    public static boolean retryable(int exitCode) {
        return exitCode != 0 && exitCode != BAD_SETTING && exitCode != DAMAGED;
    }

    /** Runs the work and returns the process exit code; a failure is logged at ERROR too (a Batch main's log). */
    public static int run(String job, Work work, Map<String, String> environment, Clock clock, PrintStream err) {
        return run(job, work, environment, clock, err, true);
    }

    /**
     * The same; with {@code logFailure} false a failure is only written to {@code err}, for an
     * engine that reports it itself (the local one, through the run's one failure line).
     */
    public static int run(String job, Work work, Map<String, String> environment, Clock clock, PrintStream err,
            boolean logFailure) {
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
            if ("1".equals(environment.get(DEBUG_SETTING))) {
                LOG.error("{} failed", job, e);
            } else if (logFailure) {
                LOG.error("{} failed: {}", job, message);
            }
            err.println(job + ": " + message);
            return exitCode(e);
        } finally {
            MDC.clear();
        }
    }
}
