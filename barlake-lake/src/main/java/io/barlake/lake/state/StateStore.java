package io.barlake.lake.state;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watermarks, checkpoints and run reports: small JSON documents under {@code _state/} and
 * {@code _runs/}, each written with one atomic put of the object store.
 *
 * <p>A document that exists but cannot be read is a {@link CorruptStateException}, except where
 * the answer can do without it: a watermark is derived data, so an unreadable one is treated as
 * absent (and rewritten by the next {@link #setWatermark}); the listings ({@link #watermarks},
 * {@link #latestRuns}) skip what they cannot read and say so to the {@code problems} they are given.
 */
public final class StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private final ObjectStore store;
    private final Clock clock;
    private final ObjectMapper json = LakeJson.mapper();

    public StateStore(ObjectStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The watermark of a dataset, if one was ever set and can be read. An unreadable one is
     * logged and treated as absent: every watermark is recomputed from the data it describes.
     */
    public Optional<Watermark> watermark(String name) {
        try {
            return readJson(LakeLayout.watermark(name), Watermark.class);
        } catch (CorruptStateException e) {
            LOG.warn("{}; it is set again from the data", e.getMessage());
            return Optional.empty();
        }
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

    /** Every readable watermark, by name; each unreadable one is skipped and told to {@code problems}. */
    public List<Watermark> watermarks(Consumer<String> problems) {
        List<Watermark> found = new ArrayList<>();
        for (ObjectInfo info : store.list(LakeLayout.WATERMARKS)) {
            try {
                readJson(info.key(), Watermark.class).ifPresent(found::add);
            } catch (CorruptStateException e) {
                problems.accept(e.getMessage());
            }
        }
        found.sort(Comparator.comparing(Watermark::name));
        return found;
    }

    /** A checkpoint document of the caller's type, if present; {@link CorruptStateException} when unreadable. */
    public <T> Optional<T> checkpoint(String name, Class<T> type) {
        return readJson(LakeLayout.checkpoint(name), type);
    }

    /**
     * A checkpoint for a stage that can rebuild what it describes: an unreadable one is told to
     * {@code warnings} and treated as absent, so the stage rebuilds from the layer below.
     */
    public <T> Optional<T> checkpointOrRebuild(String name, Class<T> type, Consumer<String> warnings) {
        try {
            return checkpoint(name, type);
        } catch (CorruptStateException e) {
            warnings.accept(e.getMessage() + "; rebuilding what it describes from the layer below");
            return Optional.empty();
        }
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

    /**
     * The most recent readable run reports, newest first; each unreadable one among the newest is
     * skipped (the next one taken instead) and told to {@code problems}.
     */
    public List<RunReport> latestRuns(int limit, Consumer<String> problems) {
        List<ObjectInfo> runs = new ArrayList<>(store.list(LakeLayout.RUNS));
        runs.sort(Comparator.comparing(ObjectInfo::key).reversed());
        List<RunReport> reports = new ArrayList<>();
        for (ObjectInfo info : runs) {
            if (reports.size() >= limit) {
                break;
            }
            try {
                readJson(info.key(), RunReport.class).ifPresent(reports::add);
            } catch (CorruptStateException e) {
                problems.accept(e.getMessage());
            }
        }
        return reports;
    }

    private <T> Optional<T> readJson(String key, Class<T> type) {
        Optional<byte[]> bytes = store.get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            T value = json.readValue(bytes.get(), type);
            if (value == null) {
                throw new IOException("the document is empty or null");
            }
            return Optional.of(value);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new CorruptStateException(key, key + " is not a readable " + type.getSimpleName() + " document ("
                    + String.valueOf(why).lines().findFirst().orElse("") + ")", e);
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
