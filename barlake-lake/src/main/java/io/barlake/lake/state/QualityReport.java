package io.barlake.lake.state;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality gate's verdict on one session, {@code silver/quality/date=…/quality.json}: whether it
 * was published to silver or held back, how many symbols it had against the session before, and
 * its findings (missing symbols, zero-volume, stale and spike bars) with their counts.
 *
 * @param session         the session
 * @param verdict         {@link #PUBLISHED} or {@link #HELD}
 * @param symbols         symbols with a bar that session
 * @param previousSymbols symbols of the session before in silver, or null when there is none
 * @param reason          why it was held, or null
 * @param counts          findings by kind
 * @param findings        every finding
 */
public record QualityReport(LocalDate session, String verdict, int symbols, Integer previousSymbols, String reason,
        Map<String, Integer> counts, List<Finding> findings) {
    public static final String PUBLISHED = "published";
    public static final String HELD = "held";

    public QualityReport {
        requireNonNull(session, "session is null");
        requireNonNull(verdict, "verdict is null");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts == null ? Map.of() : counts));
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * One finding.
     *
     * @param kind   {@code missing}, {@code zero_volume}, {@code stale} or {@code spike}
     * @param symbol the ticker
     * @param detail what was seen
     */
    public record Finding(String kind, String symbol, String detail) {}

    /** True when the session's bars were kept out of silver. */
    public boolean held() {
        return HELD.equals(verdict);
    }
}
