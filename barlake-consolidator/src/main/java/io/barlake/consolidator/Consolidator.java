package io.barlake.consolidator;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.bronze.GroupedDailyParser;
import io.barlake.lake.bronze.MalformedResponseException;
import io.barlake.lake.bronze.ParsedSession;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bronze to silver: validates the bronze sessions that changed since the {@value DailyCheckpoint#NAME}
 * checkpoint (new sessions, re-fetched ones with another content hash, late ones older than the
 * rest) and merges them into {@code silver/daily/year=YYYY/bars.parquet}.
 *
 * <ul>
 *   <li>Changes are found from one listing: a session whose bronze object has the size and
 *       modification time recorded in the checkpoint is not read.</li>
 *   <li>A session's rows are replaced as a whole by its latest bronze content, so a corrected
 *       re-fetch replaces rows (keyed by symbol and date) and never duplicates them.</li>
 *   <li>Only years with a changed session are rewritten, one year at a time (memory stays bounded
 *       by one year of bars); each year file is written atomically, then the checkpoint.</li>
 *   <li>Refused records go to {@code silver/rejects}; per session, received = accepted + refused.</li>
 *   <li>{@code ingested_at} is the bronze {@code fetched_at}, so the same bronze always gives the same
 *       bytes, however often and in whatever order it is consolidated.</li>
 *   <li>A bronze object whose hash differs from its meta (being rewritten right now) is left for the
 *       next run.</li>
 * </ul>
 */
public final class Consolidator {
    /** The watermark: the latest session in silver daily. */
    public static final String WATERMARK = "silver-daily";
    private static final Logger LOG = LoggerFactory.getLogger(Consolidator.class);

    private final ObjectStore store;
    private final StateStore state;
    private final GroupedDailyParser parser;
    private final RejectsWriter rejects;

    public Consolidator(ObjectStore store, TradingCalendar calendar, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        requireNonNull(calendar, "calendar is null");
        this.state = new StateStore(store, requireNonNull(clock, "clock is null"));
        this.parser = new GroupedDailyParser(calendar);
        this.rejects = new RejectsWriter(store);
    }

    /** Consolidates every changed session and loads the newest reference data. */
    public ConsolidationResult consolidate() {
        List<String> warnings = new ArrayList<>();
        DailyCheckpoint checkpoint = state.checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class)
                .orElse(DailyCheckpoint.empty());
        Map<LocalDate, DailyCheckpoint.Session> marks = new TreeMap<>(checkpoint.sessions());
        Map<LocalDate, ObjectInfo> changed = changedSessions(marks);

        Map<Integer, List<LocalDate>> byYear = new TreeMap<>();
        changed.keySet().forEach(session -> byYear.computeIfAbsent(session.getYear(), y -> new ArrayList<>()).add(session));

        Map<LocalDate, SessionCounts> counts = new TreeMap<>();
        Set<Integer> yearsWritten = new TreeSet<>();
        int objectsWritten = 0;
        for (Map.Entry<Integer, List<LocalDate>> year : byYear.entrySet()) {
            Map<LocalDate, List<DailyBar>> replacements = new TreeMap<>();
            for (LocalDate session : year.getValue()) {
                ObjectInfo bronze = changed.get(session);
                Optional<Loaded> loaded = load(session, warnings);
                if (loaded.isEmpty()) {
                    continue;
                }
                DailyCheckpoint.Session previous = marks.get(session);
                ParsedSession parsed = loaded.get().parsed();
                DailyCheckpoint.Session mark = new DailyCheckpoint.Session(loaded.get().sha256(), bronze.size(),
                        bronze.lastModified().toEpochMilli(), parsed.received(), parsed.accepted().size(),
                        parsed.refused().size());
                marks.put(session, mark);
                if (previous != null && previous.sha256().equals(mark.sha256())) {
                    continue; // the object was touched, its content was not
                }
                replacements.put(session, parsed.accepted());
                counts.put(session, new SessionCounts(parsed.received(), parsed.accepted().size(), parsed.refused().size()));
                if (rejects.write(session, parsed.refused())) {
                    objectsWritten++;
                }
            }
            if (!replacements.isEmpty()) {
                writeYear(year.getKey(), replacements);
                yearsWritten.add(year.getKey());
                objectsWritten++;
            }
            if (!marks.equals(checkpoint.sessions())) {
                checkpoint = new DailyCheckpoint(marks);
                state.saveCheckpoint(DailyCheckpoint.NAME, checkpoint);
                objectsWritten++;
            }
        }

        ReferenceLoader.Outcome reference = new ReferenceLoader(store).load();
        warnings.addAll(reference.warnings());
        objectsWritten += (reference.tickersWritten() ? 1 : 0) + (reference.splitsWritten() ? 1 : 0);

        LocalDate watermark = marks.isEmpty() ? null : ((TreeMap<LocalDate, DailyCheckpoint.Session>) marks).lastKey();
        if (watermark != null && state.setWatermark(WATERMARK, watermark)) {
            objectsWritten++;
        }
        ConsolidationResult result = new ConsolidationResult(counts, yearsWritten, objectsWritten,
                reference.tickersWritten(), reference.splitsWritten(), reference.splitsChanged(), watermark, warnings);
        LOG.info("consolidated {} sessions ({} received, {} accepted, {} refused) into years {}; {} objects written",
                counts.size(), result.received(), result.accepted(), result.refused(), yearsWritten, objectsWritten);
        return result;
    }

    /** Complete bronze sessions (data and meta) whose data object is not the one the checkpoint recorded. */
    private Map<LocalDate, ObjectInfo> changedSessions(Map<LocalDate, DailyCheckpoint.Session> marks) {
        Map<LocalDate, ObjectInfo> data = new TreeMap<>();
        Set<LocalDate> withMeta = new HashSet<>();
        for (ObjectInfo object : store.list(LakeLayout.BRONZE_BARS)) {
            Optional<LocalDate> session = LakeLayout.dateOf(object.key());
            if (session.isEmpty()) {
                continue;
            }
            if (object.key().equals(LakeLayout.bronzeBars(session.get()))) {
                data.put(session.get(), object);
            } else if (object.key().equals(LakeLayout.bronzeBarsMeta(session.get()))) {
                withMeta.add(session.get());
            }
        }
        Map<LocalDate, ObjectInfo> changed = new TreeMap<>();
        data.forEach((session, object) -> {
            DailyCheckpoint.Session mark = marks.get(session);
            boolean known = mark != null && mark.bronzeBytes() == object.size()
                    && mark.bronzeMillis() == object.lastModified().toEpochMilli();
            if (withMeta.contains(session) && !known) {
                changed.put(session, object);
            }
        });
        return changed;
    }

    private record Loaded(String sha256, ParsedSession parsed) {}

    private Optional<Loaded> load(LocalDate session, List<String> warnings) {
        String dataKey = LakeLayout.bronzeBars(session);
        String metaKey = LakeLayout.bronzeBarsMeta(session);
        Optional<byte[]> compressed = store.get(dataKey);
        Optional<byte[]> metaBytes = store.get(metaKey);
        if (compressed.isEmpty() || metaBytes.isEmpty()) {
            warnings.add("bronze " + session + " disappeared while consolidating; left for the next run");
            return Optional.empty();
        }
        BronzeMeta meta;
        try {
            meta = LakeJson.mapper().readValue(metaBytes.get(), BronzeMeta.class);
        } catch (IOException e) {
            warnings.add(metaKey + " is not readable (" + e.getMessage() + "); the session is left for the next run");
            return Optional.empty();
        }
        byte[] body;
        try {
            body = BronzeFiles.gunzip(compressed.get(), dataKey);
        } catch (MalformedResponseException e) {
            warnings.add(e.getMessage() + "; the session is left for the next run");
            return Optional.empty();
        }
        String sha256 = BronzeFiles.sha256(body);
        if (!sha256.equals(meta.sha256())) {
            warnings.add("bronze " + session + " does not match its meta (being rewritten?); left for the next run");
            return Optional.empty();
        }
        try {
            return Optional.of(new Loaded(sha256, parser.parse(body, session, meta.source(), meta.fetchedAt())));
        } catch (MalformedResponseException e) {
            warnings.add("bronze " + session + " is malformed (" + e.getMessage() + "); nothing of it was accepted");
            return Optional.of(new Loaded(sha256, new ParsedSession(session, List.of(), List.of())));
        }
    }

    private void writeYear(int year, Map<LocalDate, List<DailyBar>> replacements) {
        String key = LakeLayout.silverDaily(year);
        List<DailyBar> rows = new ArrayList<>();
        if (store.head(key).isPresent()) {
            ParquetCodec.DAILY.forEach(store, key, bar -> {
                if (!replacements.containsKey(bar.date())) {
                    rows.add(bar);
                }
            });
        }
        replacements.values().forEach(rows::addAll);
        ParquetCodec.DAILY.write(store, key, rows);
        LOG.info("silver daily {}: {} rows after replacing {} sessions", year, rows.size(), replacements.size());
    }
}
