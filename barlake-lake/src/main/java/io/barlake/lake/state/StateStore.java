package io.barlake.lake.state;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Watermarks, checkpoints and run reports: small JSON documents under {@code _state/} and
 * {@code _runs/}, each written with one atomic put of the object store.
 */
public final class StateStore {
    private final ObjectStore store;
    private final Clock clock;
    private final ObjectMapper json = LakeJson.mapper();

    public StateStore(ObjectStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The watermark of a dataset, if one was ever set. */
    public Optional<Watermark> watermark(String name) {
        return readJson(LakeLayout.watermark(name), Watermark.class);
    }

    /**
     * Moves a dataset's watermark to {@code session}; writes nothing (and returns false) when it is
     * already there, so reruns leave the state untouched.
     */
    public boolean setWatermark(String name, LocalDate session) {
        requireNonNull(session, "session is null");
        Optional<Watermark> current = watermark(name);
        if (current.isPresent() && current.get().session().equals(session)) {
            return false;
        }
        writeJson(LakeLayout.watermark(name), new Watermark(name, session, clock.instant()));
        return true;
    }

    /** Every watermark, by name. */
    public List<Watermark> watermarks() {
        List<Watermark> found = new ArrayList<>();
        for (ObjectInfo info : store.list(LakeLayout.WATERMARKS)) {
            readJson(info.key(), Watermark.class).ifPresent(found::add);
        }
        found.sort(Comparator.comparing(Watermark::name));
        return found;
    }

    /** A checkpoint document of the caller's type, if present. */
    public <T> Optional<T> checkpoint(String name, Class<T> type) {
        return readJson(LakeLayout.checkpoint(name), type);
    }

    /** Replaces a checkpoint document atomically. */
    public void saveCheckpoint(String name, Object checkpoint) {
        writeJson(LakeLayout.checkpoint(name), checkpoint);
    }

    /** Writes (or rewrites, as a run progresses) a run report. */
    public void saveRunReport(RunReport report) {
        writeJson(LakeLayout.runReport(report.runId()), report);
    }

    /** One run's report. */
    public Optional<RunReport> runReport(String runId) {
        return readJson(LakeLayout.runReport(runId), RunReport.class);
    }

    /** The most recent run reports, newest first. */
    public List<RunReport> latestRuns(int limit) {
        List<ObjectInfo> runs = new ArrayList<>(store.list(LakeLayout.RUNS));
        runs.sort(Comparator.comparing(ObjectInfo::key).reversed());
        List<RunReport> reports = new ArrayList<>();
        for (ObjectInfo info : runs.subList(0, Math.min(limit, runs.size()))) {
            readJson(info.key(), RunReport.class).ifPresent(reports::add);
        }
        return reports;
    }

    private <T> Optional<T> readJson(String key, Class<T> type) {
        Optional<byte[]> bytes = store.get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(bytes.get(), type));
        } catch (IOException e) {
            throw new ObjectStoreException("Cannot read " + key + " in " + store.location()
                    + ": not a valid " + type.getSimpleName() + " document (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private void writeJson(String key, Object value) {
        try {
            store.put(key, json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + key + ": " + e.getOriginalMessage(), e);
        }
    }
}
