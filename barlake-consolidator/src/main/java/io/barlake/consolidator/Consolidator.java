package io.barlake.consolidator;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.batch.WorkerThreads;
import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.bronze.GroupedDailyParser;
import io.barlake.lake.bronze.MalformedResponseException;
import io.barlake.lake.bronze.ParsedSession;
import io.barlake.lake.bronze.Rejection;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.DamagedLakeException;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.ObjectAudit;
import io.barlake.lake.state.ObjectMark;
import io.barlake.lake.state.QualityReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /** The quality gate's limit on the drop in symbols from one session to the next, in percent (default 25). */
    public static final String MAX_DROP = QualityGate.MAX_DROP;

    /** Workers reading bronze ahead of the merge, and how many sessions they may hold ready. */
    private static final int READ_THREADS = 2;
    private static final int READ_AHEAD_SESSIONS = 96;

    /** The watermark: the latest session in silver daily. */
    public static final String WATERMARK = LakeLayout.SILVER_WATERMARK;
    private static final Logger LOG = LoggerFactory.getLogger(Consolidator.class);

    private final ObjectStore store;
    private final TradingCalendar calendar;
    private final StateStore state;
    private final GroupedDailyParser parser;
    private final RejectsWriter rejects;
    private final int maxDropPercent;

    public Consolidator(ObjectStore store, TradingCalendar calendar, Clock clock) {
        this(store, calendar, clock, QualityGate.DEFAULT_MAX_DROP);
    }

    /**
     * @param maxDropPercent the quality gate's limit: a session with more than this share fewer
     *                       symbols than the one before is held out of silver
     */
    public Consolidator(ObjectStore store, TradingCalendar calendar, Clock clock, int maxDropPercent) {
        this.store = requireNonNull(store, "store is null");
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.state = new StateStore(store, requireNonNull(clock, "clock is null"));
        this.parser = new GroupedDailyParser(calendar);
        this.rejects = new RejectsWriter(store);
        this.maxDropPercent = maxDropPercent;
    }

    /** {@value #MAX_DROP}, checked: a whole percentage from 0 to 100. */
    public static int maxDrop(java.util.Map<String, String> environment) {
        return QualityGate.maxDrop(environment);
    }

    /** Consolidates every changed session, rebuilds damaged year files, and loads the newest reference data. */
    public ConsolidationResult consolidate() {
        List<String> warnings = new ArrayList<>();
        DailyCheckpoint checkpoint = state.checkpointOrRebuild(DailyCheckpoint.NAME, DailyCheckpoint.class, warnings::add)
                .orElse(DailyCheckpoint.empty());
        TreeMap<LocalDate, DailyCheckpoint.Session> marks = new TreeMap<>(checkpoint.sessions());
        // Reference data first: the quality gate lists tickers from it, and the split candidates' bars are kept as years are written.
        ReferenceLoader.Outcome reference = new ReferenceLoader(store).load();
        warnings.addAll(reference.warnings());
        int objectsWritten = reference.tickersWritten() ? 1 : 0;
        Optional<SplitVerification> verification = reference.splitCandidates()
                .map(candidates -> new SplitVerification(store, calendar, state, candidates));
        QualityGate gate = new QualityGate(store, maxDropPercent, session -> marks.containsKey(session)
                ? load(session, new ArrayList<>(), false).map(loaded -> loaded.parsed().accepted()).filter(bars -> !bars.isEmpty())
                : Optional.empty());
        List<QualityReport> quality = new ArrayList<>();
        Map<Integer, ObjectMark> files = new TreeMap<>(checkpoint.files());
        Map<LocalDate, ObjectInfo> bronze = bronzeSessions();
        Set<Integer> rebuild = audit(checkpoint, files, warnings);
        Map<LocalDate, ObjectInfo> changed = changedSessions(bronze, marks, rebuild);

        Map<Integer, List<LocalDate>> byYear = new TreeMap<>();
        changed.keySet().forEach(session -> byYear.computeIfAbsent(session.getYear(), y -> new ArrayList<>()).add(session));

        Map<LocalDate, SessionCounts> counts = new TreeMap<>();
        Set<LocalDate> replaced = new TreeSet<>();
        Set<Integer> yearsWritten = new TreeSet<>();
        try (ReadAhead<LocalDate, Attempt> reads = new ReadAhead<>(new ArrayList<>(changed.keySet()), this::read, READ_THREADS,
                READ_AHEAD_SESSIONS)) {
            ExecutorService yearWriter = Executors.newSingleThreadExecutor(WorkerThreads.named("consolidator-write"));
            try {
                for (Map.Entry<Integer, List<LocalDate>> year : byYear.entrySet()) {
                    boolean rebuilding = rebuild.contains(year.getKey());
                    Map<LocalDate, List<DailyBar>> replacements = new TreeMap<>();
                    for (LocalDate session : year.getValue()) {
                        ObjectInfo bronzeObject = changed.get(session);
                        Optional<Loaded> loaded = use(session, reads.next(session), warnings, rebuilding);
                        if (loaded.isEmpty()) {
                            continue;
                        }
                        DailyCheckpoint.Session previous = marks.get(session);
                        ParsedSession parsed = loaded.get().parsed();
                        boolean newContent = previous == null || !previous.sha256().equals(loaded.get().sha256());
                        Optional<QualityReport> held = newContent && !rebuilding
                                ? gate.hold(session, parsed.accepted().size(), marks) : Optional.empty();
                        if (held.isPresent()) {
                            quality.add(held.get());
                            warnings.add("session " + session + " held by the quality gate: " + held.get().reason());
                            continue; // not merged, not marked: the next run judges it again
                        }
                        DailyCheckpoint.Session mark = new DailyCheckpoint.Session(loaded.get().sha256(), bronzeObject.size(),
                                bronzeObject.lastModified().toEpochMilli(), parsed.received(), parsed.accepted().size(),
                                parsed.refused().size(), loaded.get().source());
                        marks.put(session, mark);
                        boolean contentChanged = previous == null || !previous.sha256().equals(mark.sha256());
                        if (contentChanged || rebuilding) {
                            replacements.put(session, parsed.accepted());
                        }
                        if (!contentChanged) {
                            continue; // the object was touched, its content was not
                        }
                        counts.put(session, new SessionCounts(parsed.received(), parsed.accepted().size(), parsed.refused().size()));
                        if (rejects.write(session, parsed.refused())) {
                            objectsWritten++;
                        }
                    }
                    if (!replacements.isEmpty()) {
                        replaced.addAll(replacements.keySet());
                        List<DailyBar> rows = yearRows(year.getKey(), replacements, rebuilding || checkpoint.sessions().isEmpty());
                        // The file is encoded on the writer thread while the findings are judged from the same rows.
                        Future<String> writing = yearWriter.submit(() -> writeYear(year.getKey(), rows, replacements.size()));
                        try {
                            quality.addAll(gate.publish(year.getKey(), rows, replacements.keySet(), calendar,
                                    byYear.containsKey(year.getKey() + 1)));
                            verification.ifPresent(splitCheck -> splitCheck.remember(year.getKey(), rows));
                        } catch (RuntimeException e) {
                            awaitQuietly(writing);
                            throw e;
                        }
                        String sha256 = ReadAhead.await(writing, "writing " + LakeLayout.silverDaily(year.getKey()));
                        files.put(year.getKey(), ObjectMark.written(store, LakeLayout.silverDaily(year.getKey()), sha256));
                        yearsWritten.add(year.getKey());
                        objectsWritten++;
                    }
                    objectsWritten += saveIfChanged(checkpoint, marks, files) ? 1 : 0;
                    checkpoint = new DailyCheckpoint(marks, files);
                }
            } finally {
                yearWriter.shutdownNow();
            }
        }
        objectsWritten += saveIfChanged(checkpoint, marks, files) ? 1 : 0;

        Optional<SplitVerification.Outcome> splits = verification.map(splitCheck -> splitCheck.verify(new TreeSet<>(marks.keySet()),
                replaced, warnings::add));
        objectsWritten += splits.map(SplitVerification.Outcome::objectsWritten).orElse(0);
        DividendLoader.Outcome dividends = new DividendLoader(store).load(warnings::add);
        objectsWritten += dividends.objects();
        // After the merge: renames are judged against the bars just written.
        objectsWritten += new TickerChangeLoader(store, calendar).load(marks.isEmpty() ? null : marks.lastKey(), warnings::add).objects();

        objectsWritten += gate.written();
        LocalDate watermark = marks.isEmpty() ? null : marks.lastKey();
        if (watermark != null && state.setWatermark(WATERMARK, watermark)) {
            objectsWritten++;
        }
        ConsolidationResult result = new ConsolidationResult(counts, yearsWritten, objectsWritten,
                reference.tickersWritten(), splits.map(SplitVerification.Outcome::splitsWritten).orElse(false),
                splits.map(SplitVerification.Outcome::changed).orElse(Set.of()),
                splits.map(SplitVerification.Outcome::counts).orElse(Map.of()), dividends.written(), quality, watermark, warnings);
        LOG.info("consolidated {} sessions ({} received, {} accepted, {} refused) into years {}; {} objects written",
                counts.size(), result.received(), result.accepted(), result.refused(), yearsWritten, objectsWritten);
        return result;
    }

    private boolean saveIfChanged(DailyCheckpoint saved, Map<LocalDate, DailyCheckpoint.Session> marks,
            Map<Integer, ObjectMark> files) {
        DailyCheckpoint next = new DailyCheckpoint(marks, files);
        if (next.equals(saved)) {
            return false;
        }
        state.saveCheckpoint(DailyCheckpoint.NAME, next);
        return true;
    }

    /**
     * Checks every year file the checkpoint describes; returns the years to rebuild from bronze
     * (missing, truncated, overwritten, unreadable), and brings the marks of intact ones up to date.
     * Without a checkpoint every year is rebuilt: nothing vouches for the files there.
     */
    private Set<Integer> audit(DailyCheckpoint checkpoint, Map<Integer, ObjectMark> files, List<String> warnings) {
        Map<String, ObjectInfo> listing = new HashMap<>();
        store.list(LakeLayout.SILVER_DAILY).forEach(info -> listing.put(info.key(), info));
        Set<Integer> rebuild = new TreeSet<>();
        for (int year : checkpoint.years()) {
            String key = LakeLayout.silverDaily(year);
            ObjectAudit.Finding finding = ObjectAudit.check(store, key, listing, checkpoint.files().get(year),
                    key2 -> ParquetCodec.DAILY.isReadable(store, key2));
            if (finding.intact()) {
                files.put(year, finding.mark().orElseThrow());
            } else {
                warnings.add(finding.describe() + "; rebuilding it from bronze");
                files.remove(year);
                rebuild.add(year);
            }
        }
        return rebuild;
    }

    /** Complete bronze sessions (data and meta): the data object of each. */
    private Map<LocalDate, ObjectInfo> bronzeSessions() {
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
        data.keySet().retainAll(withMeta);
        return data;
    }

    /**
     * Sessions to read: those whose data object is not the one the checkpoint recorded, and every
     * session of a year being rebuilt, which bronze must then hold.
     */
    private Map<LocalDate, ObjectInfo> changedSessions(Map<LocalDate, ObjectInfo> bronze,
            Map<LocalDate, DailyCheckpoint.Session> marks, Set<Integer> rebuild) {
        Map<LocalDate, ObjectInfo> changed = new TreeMap<>();
        bronze.forEach((session, object) -> {
            DailyCheckpoint.Session mark = marks.get(session);
            boolean known = mark != null && mark.bronzeBytes() == object.size()
                    && mark.bronzeMillis() == object.lastModified().toEpochMilli();
            if (!known || rebuild.contains(session.getYear())) {
                changed.put(session, object);
            }
        });
        for (LocalDate session : marks.keySet()) {
            if (rebuild.contains(session.getYear()) && !bronze.containsKey(session)) {
                throw new DamagedLakeException(LakeLayout.silverDaily(session.getYear()) + " must be rebuilt from bronze, but "
                        + LakeLayout.bronzeBars(session) + " or its meta is missing; fetch it again: barlake backfill --from "
                        + session + " --to " + session);
            }
        }
        return changed;
    }

    private record Loaded(String sha256, String source, ParsedSession parsed) {}

    /**
     * What reading one bronze session gave: its content, or the problem that makes it unusable for
     * now, and for a malformed response the refusal of it as a whole. Reading has no side effects,
     * so it can run ahead on other threads; {@link #use} applies them.
     */
    private record Attempt(Loaded loaded, String problem, Rejection malformed) {}

    /** Reads and parses one bronze session and applies the outcome (see {@link #use}). */
    private Optional<Loaded> load(LocalDate session, List<String> warnings, boolean rebuilding) {
        return use(session, read(session), warnings, rebuilding);
    }

    /**
     * A session that cannot be used (gone, unreadable, not matching its meta, malformed) never
     * removes rows from silver: it is left as it was, with a warning, for the next run (the fetcher
     * re-fetches damaged bronze); a malformed one is also refused whole to {@code silver/rejects}.
     * While its year is rebuilt there is no previous row to keep, so it stops the run with one line
     * naming the object.
     */
    private Optional<Loaded> use(LocalDate session, Attempt attempt, List<String> warnings, boolean rebuilding) {
        if (attempt.malformed() != null) {
            rejects.write(session, List.of(attempt.malformed()));
        }
        return attempt.loaded() != null ? Optional.of(attempt.loaded())
                : unusable(session, attempt.problem(), warnings, rebuilding);
    }

    private Attempt read(LocalDate session) {
        String dataKey = LakeLayout.bronzeBars(session);
        String metaKey = LakeLayout.bronzeBarsMeta(session);
        Optional<byte[]> compressed = store.get(dataKey);
        Optional<byte[]> metaBytes = store.get(metaKey);
        if (compressed.isEmpty() || metaBytes.isEmpty()) {
            return problem((compressed.isEmpty() ? dataKey : metaKey) + " disappeared while consolidating");
        }
        BronzeMeta meta;
        try {
            meta = LakeJson.mapper().readValue(metaBytes.get(), BronzeMeta.class);
        } catch (IOException e) {
            return problem(metaKey + " is not readable");
        }
        byte[] body;
        try {
            body = BronzeFiles.gunzip(compressed.get(), dataKey);
        } catch (MalformedResponseException e) {
            return problem(dataKey + " is not readable");
        }
        String sha256 = Sha256.hex(body);
        if (!sha256.equals(meta.sha256())) {
            return problem(dataKey + " does not match its meta");
        }
        try {
            return new Attempt(new Loaded(sha256, meta.source(), parser.parse(body, session, meta.source(), meta.fetchedAt())),
                    null, null);
        } catch (MalformedResponseException e) {
            String firstLine = e.getMessage().lines().findFirst().orElse("");
            Rejection whole = new Rejection(session, null, "malformed response: " + firstLine,
                    new String(body, 0, Math.min(body.length, 1000), java.nio.charset.StandardCharsets.UTF_8));
            return new Attempt(null, dataKey + " is malformed (" + firstLine + "); refused whole to " + LakeLayout.rejects(session),
                    whole);
        }
    }

    private static Attempt problem(String problem) {
        return new Attempt(null, problem, null);
    }

    private Optional<Loaded> unusable(LocalDate session, String problem, List<String> warnings, boolean rebuilding) {
        if (rebuilding) {
            throw new DamagedLakeException(LakeLayout.silverDaily(session.getYear()) + " must be rebuilt from bronze, but "
                    + problem + "; fetch it again: barlake backfill --from " + session + " --to " + session);
        }
        warnings.add(problem + "; silver keeps that session's rows as they were, and the next run tries it again");
        return Optional.empty();
    }

    /** A year's rows after replacing the given sessions: the file's other sessions (unless from scratch) and the replacements. */
    private List<DailyBar> yearRows(int year, Map<LocalDate, List<DailyBar>> replacements, boolean fromScratch) {
        String key = LakeLayout.silverDaily(year);
        List<DailyBar> rows = new ArrayList<>();
        if (!fromScratch && store.head(key).isPresent()) {
            ParquetCodec.DAILY.forEach(store, key, bar -> {
                if (!replacements.containsKey(bar.date())) {
                    rows.add(bar);
                }
            });
        }
        replacements.values().forEach(rows::addAll);
        return rows;
    }

    /** Writes one year file; returns the SHA-256 of what was written. */
    private String writeYear(int year, List<DailyBar> rows, int sessionsReplaced) {
        String sha256 = ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(year), rows);
        LOG.info("silver daily {}: {} rows after replacing {} sessions", year, rows.size(), sessionsReplaced);
        return sha256;
    }

    /** Lets a write that is under way finish before a failure propagates, so nothing writes after the run ends. */
    private static void awaitQuietly(Future<String> writing) {
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the failure that is propagating is the one to report
        }
    }
}
