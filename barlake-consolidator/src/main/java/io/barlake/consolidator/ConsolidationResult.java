package io.barlake.consolidator;

import io.barlake.lake.state.QualityReport;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one consolidation did.
 *
 * @param sessions        sessions (re)consolidated, with their counts
 * @param yearsWritten    years whose {@code silver/daily} file was rewritten
 * @param objectsWritten  objects written (year files, rejects, reference files, checkpoint)
 * @param tickersLoaded   true when {@code silver/tickers} was rewritten
 * @param splitsLoaded    true when {@code silver/splits} was rewritten
 * @param splitsChanged   symbols whose set of confirmed splits changed (their resampled history is rebuilt)
 * @param splitVerdicts   the vendor's splits by what the prices say of them ({@link SplitCheck.Status} names)
 * @param dividendsLoaded true when {@code silver/dividends} was rewritten
 * @param quality         the quality gate's verdicts on the sessions consolidated, held ones included
 * @param watermark       the {@code silver-daily} watermark afterwards, or {@code null}
 * @param warnings        things the operator should know
 */
public record ConsolidationResult(Map<LocalDate, SessionCounts> sessions, Set<Integer> yearsWritten, int objectsWritten,
        boolean tickersLoaded, boolean splitsLoaded, Set<String> splitsChanged, Map<SplitCheck.Status, Integer> splitVerdicts,
        boolean dividendsLoaded, List<QualityReport> quality, LocalDate watermark, List<String> warnings) {

    public ConsolidationResult {
        sessions = Collections.unmodifiableMap(new TreeMap<>(sessions));
        yearsWritten = Collections.unmodifiableSet(new TreeSet<>(yearsWritten));
        splitsChanged = Collections.unmodifiableSet(new TreeSet<>(splitsChanged));
        splitVerdicts = Map.copyOf(splitVerdicts);
        quality = List.copyOf(quality);
        warnings = List.copyOf(warnings);
    }

    /** The sessions the quality gate held out of silver. */
    public List<QualityReport> held() {
        return quality.stream().filter(QualityReport::held).toList();
    }

    /** Records received over all sessions. */
    public long received() {
        return sessions.values().stream().mapToLong(SessionCounts::received).sum();
    }

    /** Records accepted over all sessions. */
    public long accepted() {
        return sessions.values().stream().mapToLong(SessionCounts::accepted).sum();
    }

    /** Records refused over all sessions. */
    public long refused() {
        return sessions.values().stream().mapToLong(SessionCounts::refused).sum();
    }
}
