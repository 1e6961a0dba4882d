package io.barlake.lake.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lake's writer lock on a store supplied by subclasses (folder, S3). */
abstract class LakeLockContractTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final long ALIVE = ProcessHandle.current().pid();

    protected ObjectStore store;

    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aSecondWriterIsRefusedNamingTheHolderUntilTheFirstReleases() {
        LakeLock first = LakeLock.acquire(store, "barlake run", at(T0), ALIVE, "laptop");
        assertThatThrownBy(() -> LakeLock.acquire(store, "barlake backfill --from 2024-01-02 --to 2024-03-28", at(T0.plusSeconds(60)),
                ALIVE, "ci-runner"))
                .isInstanceOf(LakeLock.HeldException.class)
                .hasMessageStartingWith("The lake " + store.location() + " is being written by barlake run (process " + ALIVE
                        + " on laptop, since 2026-11-30T10:00:00Z, until 2026-11-30T10:10:00Z unless renewed)")
                .hasMessageEndingWith("; wait for it to finish, or, if that run is gone, delete _state/lock.json");
        first.close();
        assertThat(store.head(LakeLayout.LOCK)).as("released").isEmpty();
        try (LakeLock second = LakeLock.acquire(store, "barlake backfill", at(T0.plusSeconds(60)), ALIVE, "ci-runner")) {
            assertThat(LakeLock.current(store)).map(LakeLock.Holder::host).hasValue("ci-runner");
        }
    }

    @Test
    void anExpiredLockIsTakenOverAndItsOldHolderDoesNotReleaseTheNewOne() {
        LakeLock old = LakeLock.acquire(store, "barlake run", at(T0), ALIVE, "laptop");
        LakeLock taker = LakeLock.acquire(store, "barlake run", at(T0.plus(LakeLock.TTL).plusSeconds(1)), ALIVE, "ci-runner");
        old.close();
        assertThat(LakeLock.current(store)).map(LakeLock.Holder::host).as("still the taker's").hasValue("ci-runner");
        taker.close();
        assertThat(store.head(LakeLayout.LOCK)).isEmpty();
    }

    @Test
    void aLockLeftByAKilledProcessOnThisHostIsTakenOverAtOnce() throws Exception {
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).start();
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        LakeLock.acquire(store, "barlake run", at(T0), gone.pid(), "this-host"); // never closed: killed
        try (LakeLock lock = LakeLock.acquire(store, "barlake run", at(T0.plusSeconds(5)), ALIVE, "this-host")) {
            assertThat(LakeLock.current(store)).map(LakeLock.Holder::pid).hasValue(ALIVE);
        }
        LakeLock.acquire(store, "barlake run", at(T0), gone.pid(), "another-host");
        assertThatThrownBy(() -> LakeLock.acquire(store, "barlake run", at(T0.plusSeconds(5)), ALIVE, "this-host"))
                .as("another host's process cannot be seen from here: only its expiry frees the lake")
                .isInstanceOf(LakeLock.HeldException.class);
    }

    @Test
    void anUnreadableLockIsTakenOverAndRenewalMovesTheExpiry() {
        store.put(LakeLayout.LOCK, "{not json".getBytes(StandardCharsets.UTF_8));
        try (LakeLock lock = LakeLock.acquire(store, "barlake run", Clock.systemUTC(), ALIVE, "laptop")) {
            Instant before = LakeLock.current(store).orElseThrow().expiresAt();
            lock.renew();
            assertThat(LakeLock.current(store).orElseThrow().expiresAt()).isAfterOrEqualTo(before);
            assertThat(LakeLock.current(store).orElseThrow().acquiredAt()).isBefore(before);
        }
    }
}
