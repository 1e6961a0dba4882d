package io.barlake.lake.state;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer at a time: {@value LakeLayout#LOCK} holds the owner (host, process, run) and an
 * expiry, written with the store's put-if-absent, so two runs on one lake cannot both write (a
 * lost update). The holder renews the expiry while it works; a lock whose expiry has passed, or
 * whose process on this same host is gone (killed), is stale and taken over. Times come from the
 * system clock, never a pinned one: a replayed run must still see a dead lock expire.
 *
 * <p>Taking over a stale lock deletes it and puts a new one if absent; two takers racing on the
 * same stale lock both delete, but only one put succeeds, and each checks the lock is its own
 * after acquiring.
 */
public final class LakeLock implements AutoCloseable {
    /** How long a lock lasts without renewal; renewed every third of it. */
    public static final Duration TTL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(LakeLock.class);
    private static final SecureRandom TOKENS = new SecureRandom();

    /** What the lock object holds. */
    public record Holder(String token, String host, long pid, String purpose, Instant acquiredAt, Instant expiresAt) {
        /** For a person: who holds the lake and until when. */
        public String describe() {
            return purpose + " (process " + pid + " on " + host + ", since " + acquiredAt + ", until " + expiresAt + " unless renewed)";
        }
    }

    /** Another run holds the lake; the message is the one line to show. */
    public static final class HeldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    private final ObjectStore store;
    private final Clock clock;
    private final Holder holder;
    private final ScheduledExecutorService renewer;

    private LakeLock(ObjectStore store, Clock clock, Holder holder) {
        this.store = store;
        this.clock = clock;
        this.holder = holder;
        // Not lake.batch's WorkerThreads: the batch layer sits above state, and a lock below it.
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "barlake-lake-lock");
            thread.setDaemon(true);
            return thread;
        });
        long every = TTL.toMillis() / 3;
        renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Takes the lake for {@code purpose} (e.g. the command), or throws {@link HeldException} naming the holder. */
    public static LakeLock acquire(ObjectStore store, String purpose) {
        return acquire(store, purpose, Clock.systemUTC(), ProcessHandle.current().pid(), hostName());
    }

    static LakeLock acquire(ObjectStore store, String purpose, Clock clock, long pid, String host) {
        requireNonNull(store, "store is null");
        Instant now = clock.instant();
        byte[] random = new byte[8];
        TOKENS.nextBytes(random);
        Holder mine = new Holder(HexFormat.of().formatHex(random), host, pid, purpose, now, now.plus(TTL));
        for (int attempt = 0; attempt < 3; attempt++) {
            if (store.putIfAbsent(LakeLayout.LOCK, bytes(mine))) {
                if (current(store).map(Holder::token).filter(mine.token()::equals).isPresent()) {
                    return new LakeLock(store, clock, mine);
                }
                continue; // lost a race with another taker of a stale lock
            }
            Optional<Holder> other = current(store);
            if (other.isPresent() && !stale(other.get(), clock.instant(), host)) {
                throw new HeldException("The lake " + store.location() + " is being written by " + other.get().describe()
                        + "; wait for it to finish, or, if that run is gone, delete " + LakeLayout.LOCK);
            }
            LOG.warn("Taking over a stale lake lock{}", other.map(h -> " of " + h.describe()).orElse(" that cannot be read"));
            store.delete(java.util.List.of(LakeLayout.LOCK));
        }
        throw new HeldException("The lake " + store.location() + " lock changed hands while being taken; run again");
    }

    private static boolean stale(Holder holder, Instant now, String host) {
        if (holder.expiresAt().isBefore(now)) {
            return true;
        }
        // A killed run on this machine leaves its lock behind; its process is gone.
        return holder.host().equals(host) && ProcessHandle.of(holder.pid()).map(p -> !p.isAlive()).orElse(true);
    }

    /** The lock's holder, if the lock is there and readable. */
    public static Optional<Holder> current(ObjectStore store) {
        try {
            return store.get(LakeLayout.LOCK).map(bytes -> {
                try {
                    return LakeJson.mapper().readValue(bytes, Holder.class);
                } catch (IOException e) {
                    return null;
                }
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    void renew() {
        try {
            if (current(store).map(Holder::token).filter(holder.token()::equals).isPresent()) {
                Instant now = clock.instant();
                store.put(LakeLayout.LOCK, bytes(new Holder(holder.token(), holder.host(), holder.pid(), holder.purpose(),
                        holder.acquiredAt(), now.plus(TTL))));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the lake lock: {}", e.toString());
        }
    }

    /** Releases the lake, if the lock is still this one's. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            if (current(store).map(Holder::token).filter(holder.token()::equals).isPresent()) {
                store.delete(java.util.List.of(LakeLayout.LOCK));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not release the lake lock (it expires by itself): {}", e.toString());
        }
    }

    private static byte[] bytes(Holder holder) {
        try {
            return LakeJson.mapper().writeValueAsBytes(holder);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
