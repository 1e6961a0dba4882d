package io.barlake.lake.state;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run did, stored under {@code _runs/<run-id>.json}: its command, outcome, stages and
 * counts (sessions fetched, bars accepted and refused, objects written, …).
 *
 * @param runId      sortable id, see {@link RunIds}
 * @param command    what was run, e.g. {@code run --date 2025-06-02}
 * @param status     outcome
 * @param startedAt  start
 * @param finishedAt end, or {@code null} while running
 * @param stages     per-stage reports in order
 * @param counts     named totals
 * @param error      one-line failure description, or {@code null}
 */
public record RunReport(String runId, String command, Status status, Instant startedAt, Instant finishedAt,
        List<StageReport> stages, Map<String, Long> counts, String error) {

    /** A run's outcome. */
    public enum Status { RUNNING, SUCCEEDED, FAILED }

    public RunReport {
        requireNonNull(runId, "runId is null");
        requireNonNull(command, "command is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
        stages = stages == null ? List.of() : List.copyOf(stages);
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /**
     * One stage of a run.
     *
     * @param name       stage, e.g. {@code Consolidate}
     * @param status     outcome
     * @param startedAt  start
     * @param finishedAt end
     * @param attempts   how many times it was tried (retries + 1)
     * @param counts     named totals
     * @param error      one-line failure, or {@code null}
     */
    public record StageReport(String name, Status status, Instant startedAt, Instant finishedAt, int attempts,
            Map<String, Long> counts, String error) {
        public StageReport {
            requireNonNull(name, "name is null");
            requireNonNull(status, "status is null");
            counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
        }
    }
}
