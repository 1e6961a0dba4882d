package io.barlake.lake.state;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code silver/daily} was built from: for every consolidated session, the bronze content
 * hash and the bronze object's listing facts (so unchanged sessions are recognised from one
 * listing, without reading them), and the counts. The consolidator writes it as checkpoint
 * {@value #NAME}; the resamplers compare it with their own to find the sessions that changed.
 *
 * <p>It also marks every {@code silver/daily} year file as written ({@link ObjectMark}), so the next
 * run finds one that was deleted, truncated or overwritten since and rebuilds it from bronze.
 *
 * @param sessions every consolidated session
 * @param files    year to the mark of its {@code silver/daily} file; empty in checkpoints written
 *                 before marks, whose files are then checked by reading them
 */
public record DailyCheckpoint(Map<LocalDate, Session> sessions, Map<Integer, ObjectMark> files) {
    /** The checkpoint's name in {@code _state/checkpoints/}. */
    public static final String NAME = "silver-daily";

    public DailyCheckpoint {
        sessions = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(sessions, "sessions is null")));
        files = Collections.unmodifiableMap(new TreeMap<>(files == null ? Map.of() : files));
    }

    public static DailyCheckpoint empty() {
        return new DailyCheckpoint(Map.of(), Map.of());
    }

    /** The years that have a {@code silver/daily} file: those of the consolidated sessions. */
    public java.util.SortedSet<Integer> years() {
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        sessions.keySet().forEach(session -> years.add(session.getYear()));
        return years;
    }

    /** The latest consolidated session: the date silver is complete up to and adjusted as of. */
    public Optional<LocalDate> latestSession() {
        return sessions.isEmpty() ? Optional.empty() : Optional.of(Collections.max(sessions.keySet()));
    }

    /** The sources of the consolidated sessions, as recorded (sessions of older checkpoints have none). */
    public java.util.SortedSet<String> sources() {
        java.util.SortedSet<String> sources = new java.util.TreeSet<>();
        sessions.values().stream().map(Session::source).filter(java.util.Objects::nonNull).forEach(sources::add);
        return sources;
    }

    /** The latest consolidated session of the lake's {@code silver-daily} checkpoint, if any. */
    public static Optional<LocalDate> latestSession(StateStore state) {
        return state.checkpoint(NAME, DailyCheckpoint.class).flatMap(DailyCheckpoint::latestSession);
    }

    /**
     * One consolidated session.
     *
     * @param sha256       SHA-256 of the bronze response body
     * @param bronzeBytes  size of the bronze object when it was read
     * @param bronzeMillis last-modified time of the bronze object when it was read
     * @param received     records in the response
     * @param accepted     records that became daily bars
     * @param refused      records written to rejects
     * @param source       where the session came from, as its bronze meta names it ({@code polygon},
     *                     {@code massive}, {@code flatfiles}, {@code synthetic}); null in checkpoints
     *                     written before sources were recorded
     */
    public record Session(String sha256, long bronzeBytes, long bronzeMillis, int received, int accepted, int refused,
            String source) {
        public Session {
            requireNonNull(sha256, "sha256 is null");
            if (received != accepted + refused) {
                throw new IllegalArgumentException("received " + received + " != accepted " + accepted + " + refused " + refused);
            }
        }
    }
}
