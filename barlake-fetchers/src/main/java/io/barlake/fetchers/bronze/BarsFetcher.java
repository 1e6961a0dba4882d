package io.barlake.fetchers.bronze;

import static java.util.Objects.requireNonNull;

import io.barlake.fetchers.polygon.PolygonNotYetAvailableException;
import io.barlake.fetchers.source.MarketDataSource;
import io.barlake.fetchers.source.SessionResponse;
import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.bronze.GroupedDailyParser;
import io.barlake.lake.bronze.MalformedResponseException;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.state.Watermark;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches grouped daily bars into {@code bronze/bars}: decides the sessions (NYSE calendar and the
 * {@value #WATERMARK} watermark), writes each response exactly as received plus its
 * {@code _meta.json}, and moves the watermark.
 *
 * <ul>
 *   <li>Nightly: the latest closed session and the {@code lookback} sessions before it are fetched
 *       again (vendors correct data); sessions missing since the watermark are filled, at most
 *       {@code maxMissing} of them.</li>
 *   <li>Backfill: every session of the range that bronze does not hold yet (or all, with refetch).</li>
 *   <li>A response identical to bronze (same SHA-256) is not written again, so reruns leave the
 *       lake byte-identical. A session is replaced by deleting its meta, writing the data, then
 *       writing the meta: a crash in between leaves the session absent, never half-there.</li>
 *   <li>A session for which the source has no records is not written and stops the watermark.</li>
 *   <li>Work is chunked: when the time budget is used the result says {@code complete=false} and
 *       where to continue; at least one session is done per call.</li>
 *   <li>Bronze heals: a nightly run also fetches every session that lacks its data or its meta,
 *       and every consolidated session whose object changed since the consolidator read it and no
 *       longer reads (not gzip, not its meta's hash, not a grouped-daily response). A stored object
 *       that does not match a re-fetch identical to its meta is rewritten; its meta is kept.</li>
 * </ul>
 */
public final class BarsFetcher {
    /** The watermark name: every session up to it is in bronze. */
    public static final String WATERMARK = LakeLayout.BRONZE_WATERMARK;
    private static final Logger LOG = LoggerFactory.getLogger(BarsFetcher.class);

    private final ObjectStore store;
    private final MarketDataSource source;
    private final TradingCalendar calendar;
    private final Clock clock;
    private final FetchSettings settings;
    private final StateStore state;

    public BarsFetcher(ObjectStore store, MarketDataSource source, TradingCalendar calendar, Clock clock,
            FetchSettings settings) {
        this.store = requireNonNull(store, "store is null");
        this.source = requireNonNull(source, "source is null");
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.state = new StateStore(store, clock);
    }

    /** Runs one chunk of the request. */
    public FetchResult fetch(FetchRequest request, ProgressListener progress) {
        long startNanos = System.nanoTime();
        List<ObjectInfo> listing = store.list(LakeLayout.BRONZE_BARS);
        Map<LocalDate, Boolean> bronze = bronzeSessions(listing);
        List<String> warnings = new ArrayList<>();
        Map<LocalDate, Boolean> plan = plan(request, bronze.keySet(), warnings);
        heal(listing, bronze, plan, request.mode() == FetchMode.BACKFILL, warnings);
        List<LocalDate> remaining = plan.keySet().stream()
                .filter(session -> request.next() == null || !session.isBefore(request.next()))
                .toList();
        progress.planned(plan.size(), plan.size() - remaining.size());

        List<LocalDate> written = new ArrayList<>();
        List<LocalDate> unchanged = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        List<LocalDate> empty = new ArrayList<>();
        long records = 0;
        LocalDate next = null;
        Duration budget = settings.timeBudget();
        for (LocalDate session : remaining) {
            boolean didSome = !(written.isEmpty() && unchanged.isEmpty() && skipped.isEmpty() && empty.isEmpty());
            if (didSome && Duration.ofNanos(System.nanoTime() - startNanos).compareTo(budget) >= 0) {
                next = session;
                break;
            }
            boolean force = plan.get(session);
            SessionOutcome outcome;
            if (!force && Boolean.TRUE.equals(bronze.get(session))) {
                outcome = SessionOutcome.SKIPPED;
                skipped.add(session);
            } else {
                int[] count = new int[1];
                outcome = fetchSession(session, count);
                switch (outcome) {
                    case WRITTEN -> {
                        written.add(session);
                        records += count[0];
                    }
                    case UNCHANGED -> unchanged.add(session);
                    case EMPTY -> {
                        empty.add(session);
                        warnings.add(source.name() + " has no bars for " + session + " yet; it will be fetched again");
                    }
                    case SKIPPED -> skipped.add(session);
                }
            }
            progress.session(session, outcome);
        }
        LocalDate watermark = advanceWatermark();
        return new FetchResult(next == null, next, plan.size(), written, unchanged, skipped, empty, records, watermark,
                warnings);
    }

    /** Sessions of the request in order, each mapped to whether it is fetched even when bronze holds it. */
    Map<LocalDate, Boolean> plan(FetchRequest request, Set<LocalDate> inBronze, List<String> warnings) {
        LocalDate latestClosed = calendar.latestClosedSession(clock.instant());
        Map<LocalDate, Boolean> plan = new TreeMap<>();
        if (request.mode() == FetchMode.BACKFILL) {
            LocalDate to = request.to();
            if (to.isAfter(latestClosed)) {
                warnings.add("backfill end " + to + " is after the latest closed session; stopping at " + latestClosed);
                to = latestClosed;
            }
            for (LocalDate session : calendar.sessionsBetween(request.from(), to)) {
                plan.put(session, request.refetch());
            }
            return plan;
        }
        LocalDate latest = latestClosed;
        if (request.date() != null) {
            // A weekend or holiday stands for the session before it, which may well have closed.
            latest = calendar.sessionOnOrBefore(request.date());
            if (latest.isAfter(latestClosed)) {
                throw new PolygonNotYetAvailableException("Cannot fetch " + request.date()
                        + ": the session has not closed yet (latest closed NYSE session: " + latestClosed + ")");
            }
        }
        LocalDate oldestLookback = latest;
        plan.put(latest, true);
        for (int i = 0; i < settings.lookback(); i++) {
            oldestLookback = calendar.previousSession(oldestLookback);
            plan.put(oldestLookback, true);
        }
        Optional<Watermark> watermark = state.watermark(WATERMARK);
        if (watermark.isPresent() && watermark.get().session().isBefore(oldestLookback)) {
            List<LocalDate> missing = calendar.sessionsBetween(calendar.nextSession(watermark.get().session()),
                    calendar.previousSession(oldestLookback)).stream().filter(s -> !inBronze.contains(s)).toList();
            if (missing.size() > settings.maxMissing()) {
                List<LocalDate> left = missing.subList(0, missing.size() - settings.maxMissing());
                warnings.add(left.size() + " missing sessions from " + left.get(0) + " to " + left.get(left.size() - 1)
                        + " are left for a backfill: barlake backfill --from " + left.get(0) + " --to "
                        + left.get(left.size() - 1));
                missing = missing.subList(missing.size() - settings.maxMissing(), missing.size());
            }
            missing.forEach(session -> plan.put(session, false));
        }
        return plan;
    }

    /**
     * Fetches again every bronze session that cannot be used as it is: incomplete ones (data or meta
     * missing), and consolidated ones whose data object is no longer the one the consolidator read
     * (or that it never could read) and does not read now. Nightly anywhere in bronze; a backfill
     * within its range. Only objects whose listing differs from the consolidator's checkpoint are
     * read, so a healthy lake costs one listing.
     */
    private void heal(List<ObjectInfo> listing, Map<LocalDate, Boolean> bronze, Map<LocalDate, Boolean> plan, boolean withinPlan,
            List<String> warnings) {
        // An unreadable checkpoint is the consolidator's to rebuild (and to warn of); meanwhile there is nothing to compare with.
        DailyCheckpoint checkpoint = state.checkpointOrRebuild(DailyCheckpoint.NAME, DailyCheckpoint.class, warning -> { })
                .orElse(DailyCheckpoint.empty());
        LocalDate consolidatedUpTo = checkpoint.latestSession().orElse(null);
        Map<LocalDate, ObjectInfo> data = new TreeMap<>();
        listing.forEach(info -> LakeLayout.dateOf(info.key())
                .filter(date -> info.key().equals(LakeLayout.bronzeBars(date))).ifPresent(date -> data.put(date, info)));
        List<LocalDate> heal = new ArrayList<>();
        for (Map.Entry<LocalDate, Boolean> session : bronze.entrySet()) {
            LocalDate date = session.getKey();
            if (Boolean.TRUE.equals(plan.get(date)) || !calendar.isSession(date) || withinPlan != plan.containsKey(date)) {
                continue; // fetched anyway, never fetched, or outside what was asked
            }
            if (!session.getValue()) {
                if (!withinPlan) { // a backfill fetches its incomplete sessions anyway
                    warnings.add("bronze " + date + " is incomplete (its data or its meta is missing); fetching it again");
                    heal.add(date);
                }
                continue;
            }
            DailyCheckpoint.Session mark = checkpoint.sessions().get(date);
            ObjectInfo object = data.get(date);
            boolean asConsolidated = mark != null && mark.bronzeBytes() == object.size()
                    && mark.bronzeMillis() == object.lastModified().toEpochMilli();
            boolean shouldBeConsolidated = mark != null || consolidatedUpTo != null && date.isBefore(consolidatedUpTo);
            if (!asConsolidated && shouldBeConsolidated) {
                problem(date).ifPresent(problem -> {
                    warnings.add(problem + "; fetching it again");
                    heal.add(date);
                });
            }
        }
        // Bounded as missing sessions are, so a lake whose bronze was wiped heals over several nights, not in one.
        if (heal.size() > settings.maxMissing()) {
            List<LocalDate> left = heal.subList(settings.maxMissing(), heal.size());
            warnings.add(left.size() + " more damaged or incomplete bronze sessions are left for the next nightly runs, or: "
                    + "barlake backfill --from " + left.get(0) + " --to " + left.get(left.size() - 1));
        }
        heal.stream().limit(settings.maxMissing()).forEach(date -> plan.put(date, true));
    }

    /** What is wrong with a complete bronze session as stored, if anything. */
    private Optional<String> problem(LocalDate session) {
        Optional<BronzeMeta> meta = readMeta(LakeLayout.bronzeBarsMeta(session));
        if (meta.isEmpty()) {
            return Optional.of(LakeLayout.bronzeBarsMeta(session) + " is not readable");
        }
        return storedProblem(session, meta.get().sha256());
    }

    /** Why the stored data object of a session is not the response whose hash is {@code sha256}, if it is not. */
    private Optional<String> storedProblem(LocalDate session, String sha256) {
        String dataKey = LakeLayout.bronzeBars(session);
        try {
            byte[] body = BronzeFiles.gunzip(store.get(dataKey).orElseThrow(() -> new MalformedResponseException("missing")), dataKey);
            if (!Sha256.hex(body).equals(sha256)) {
                return Optional.of(dataKey + " does not match its meta");
            }
            GroupedDailyParser.results(body);
            return Optional.empty();
        } catch (MalformedResponseException | io.barlake.lake.store.ObjectStoreException e) {
            return Optional.of(dataKey + " is not readable (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private SessionOutcome fetchSession(LocalDate session, int[] records) {
        SessionResponse response = source.groupedDaily(session);
        int count;
        try {
            count = GroupedDailyParser.results(response.body()).size();
        } catch (MalformedResponseException e) {
            throw new MalformedResponseException("Cannot fetch " + session + " from " + source.name()
                    + ": malformed response: " + e.getMessage(), e);
        }
        if (count == 0) {
            LOG.warn("{} returned no bars for {}; nothing written", source.name(), session);
            return SessionOutcome.EMPTY;
        }
        String sha256 = Sha256.hex(response.body());
        String metaKey = LakeLayout.bronzeBarsMeta(session);
        String dataKey = LakeLayout.bronzeBars(session);
        Optional<BronzeMeta> existing = readMeta(metaKey);
        if (existing.isPresent() && existing.get().sha256().equals(sha256)) {
            Optional<String> stored = storedProblem(session, sha256);
            if (stored.isEmpty()) {
                return SessionOutcome.UNCHANGED;
            }
            // The vendor's answer is the one the meta describes; only the stored copy is damaged.
            store.put(dataKey, BronzeFiles.gzip(response.body()));
            records[0] = count;
            LOG.warn("{}; rewritten from a fetch identical to its meta", stored.get());
            return SessionOutcome.WRITTEN;
        }
        BronzeMeta meta = new BronzeMeta(session, source.name(), response.request(), clock.instant(), sha256,
                response.body().length, count);
        if (existing.isPresent()) {
            store.delete(List.of(metaKey));
        }
        store.put(dataKey, BronzeFiles.gzip(response.body()));
        try {
            store.put(metaKey, LakeJson.mapper().writeValueAsBytes(meta));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize " + metaKey, e);
        }
        records[0] = count;
        LOG.info("bronze {}: {} records from {} ({})", session, count, source.name(), existing.isPresent() ? "replaced" : "new");
        return SessionOutcome.WRITTEN;
    }

    private Optional<BronzeMeta> readMeta(String key) {
        Optional<byte[]> bytes = store.get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LakeJson.mapper().readValue(bytes.get(), BronzeMeta.class));
        } catch (IOException e) {
            LOG.warn("{} is not readable ({}); the session is fetched again", key, e.getMessage());
            return Optional.empty();
        }
    }

    /** Sessions in bronze: true when both the data and its meta are there (the session is complete). */
    private Map<LocalDate, Boolean> bronzeSessions() {
        return bronzeSessions(store.list(LakeLayout.BRONZE_BARS));
    }

    private static Map<LocalDate, Boolean> bronzeSessions(List<ObjectInfo> listing) {
        Map<LocalDate, Set<String>> files = new TreeMap<>();
        for (ObjectInfo object : listing) {
            LakeLayout.dateOf(object.key()).ifPresent(date -> files.computeIfAbsent(date, d -> new TreeSet<>())
                    .add(object.key().substring(object.key().lastIndexOf('/') + 1)));
        }
        Map<LocalDate, Boolean> sessions = new TreeMap<>();
        files.forEach((date, names) -> sessions.put(date, names.contains(LakeLayout.GROUPED_FILE) && names.contains(LakeLayout.META_FILE)));
        return sessions;
    }

    /** Moves the watermark to the end of the unbroken run of complete sessions that starts at it. */
    private LocalDate advanceWatermark() {
        TreeSet<LocalDate> complete = new TreeSet<>();
        bronzeSessions().forEach((session, done) -> {
            if (done) {
                complete.add(session);
            }
        });
        Optional<Watermark> current = state.watermark(WATERMARK);
        if (complete.isEmpty()) {
            return current.map(Watermark::session).orElse(null);
        }
        LocalDate mark = current.map(Watermark::session).orElse(complete.first());
        LocalDate latestClosed = calendar.latestClosedSession(clock.instant());
        for (LocalDate next = calendar.nextSession(mark); complete.contains(next) && !next.isAfter(latestClosed);
                next = calendar.nextSession(next)) {
            mark = next;
        }
        state.setWatermark(WATERMARK, mark); // writes only when it moved
        return mark;
    }
}
