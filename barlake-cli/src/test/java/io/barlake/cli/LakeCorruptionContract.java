package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.ResamplerCheckpoint;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import io.barlake.lake.testing.LakeContents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real lake damaged one object at a time, as an unlucky operator or a failing disk would, then
 * {@code barlake run} once: the lake must come back byte for byte as the undamaged lake's own
 * rerun leaves it (run reports and recorded modification times aside), or the run stops with one
 * line naming the object and leaves every object as it found it. Written once, run on a lake
 * folder ({@link LocalLakeCorruptionTest}) and on S3 ({@link S3LakeCorruptionIT}).
 */
abstract class LakeCorruptionContract {
    /** A Tuesday after the close: 25 sessions back reach into 2024, so two year files per dataset. */
    static final String NOW = "2025-01-14T23:00:00Z";
    static final String HISTORY = "25";
    static final LocalDate IN_LOOKBACK = LocalDate.of(2025, 1, 13);
    static final LocalDate OLD = LocalDate.of(2024, 12, 16);

    /** A fresh, empty lake: its store, and the settings that make {@code barlake} open it. */
    protected record Lake(ObjectStore store, Map<String, String> environment) {}

    protected abstract Lake newLake();

    /** What the refusal of a folder in an object's place says on this store, if it says more than the key. */
    protected abstract java.util.Optional<String> folderHint();

    /** Per store kind: the undamaged lake and its contents. */
    private static final Map<Class<?>, Lake> GOLDEN = new HashMap<>();
    private static final Map<Class<?>, Map<String, String>> EXPECTED = new HashMap<>();

    /** The undamaged lake: built, then run again as every damaged copy will be. */
    private Lake golden() {
        return GOLDEN.computeIfAbsent(getClass(), kind -> {
            Lake lake = newLake();
            CliRun first = run(lake, "run", "--history", HISTORY);
            assertThat(first.exitCode()).as(first.err()).isZero();
            CliRun again = run(lake, "run");
            assertThat(again.exitCode()).as(again.err()).isZero();
            Map<String, String> contents = LakeContents.of(lake.store());
            assertThat(contents).containsKeys(LakeLayout.silverDaily(2024), LakeLayout.silverDaily(2025),
                    LakeLayout.bars(Timeframe.D5, 2024), LakeLayout.bronzeBars(OLD), LakeLayout.checkpoint(DailyCheckpoint.NAME));
            EXPECTED.put(kind, contents);
            return lake;
        });
    }

    private Map<String, String> expected() {
        golden();
        return EXPECTED.get(getClass());
    }

    /** A line of the run's progress (→ started, ✓ done, ✗ failed, ↻ retrying, the fetch's count), not a message. */
    static boolean isProgress(String line) {
        return line.startsWith("→ ") || line.startsWith("✓ ") || line.startsWith("✗ ") || line.startsWith("↻ ")
                || line.startsWith("fetch: ");
    }

    private static CliRun run(Lake lake, String... args) {
        Map<String, String> environment = new HashMap<>(lake.environment());
        environment.put("BARLAKE_SYNTHETIC_SYMBOLS", "12");
        environment.put(Barlake.NOW_SETTING, NOW);
        return CliRun.execute(environment, args);
    }

    /** A copy of the undamaged lake, to damage. */
    private Lake copy() {
        Lake lake = newLake();
        LakeContents.copy(golden().store(), lake.store());
        return lake;
    }

    static Stream<String> damages() {
        return DAMAGES.keySet().stream();
    }

    private static final Map<String, Consumer<ObjectStore>> DAMAGES = new LinkedHashMap<>();

    static {
        String daily2024 = LakeLayout.silverDaily(2024);
        String daily2025 = LakeLayout.silverDaily(2025);
        DAMAGES.put("silver daily truncated", store -> truncate(store, daily2024));
        DAMAGES.put("silver daily deleted", store -> store.delete(List.of(daily2025)));
        DAMAGES.put("silver daily unreadable", store -> store.put(daily2024, garbage(store, daily2024)));
        DAMAGES.put("silver daily emptied", store -> store.put(daily2025, new byte[0]));
        DAMAGES.put("resampled truncated", store -> truncate(store, LakeLayout.bars(Timeframe.D5, 2024)));
        DAMAGES.put("resampled deleted", store -> store.delete(List.of(LakeLayout.bars(Timeframe.D5, 2025))));
        DAMAGES.put("resampled unreadable", store -> store.put(LakeLayout.bars(Timeframe.D34, 2024),
                garbage(store, LakeLayout.bars(Timeframe.D34, 2024))));
        DAMAGES.put("bronze garbage in the nightly lookback", store -> store.put(LakeLayout.bronzeBars(IN_LOOKBACK),
                "not gzip at all".getBytes(StandardCharsets.UTF_8)));
        DAMAGES.put("bronze garbage outside the lookback", store -> store.put(LakeLayout.bronzeBars(OLD),
                BronzeFiles.gzip("{\"status\":\"OK\",\"results\":[".getBytes(StandardCharsets.UTF_8))));
        DAMAGES.put("bronze meta missing", store -> store.delete(List.of(LakeLayout.bronzeBarsMeta(OLD.plusDays(1)))));
        DAMAGES.put("bronze data missing", store -> store.delete(List.of(LakeLayout.bronzeBars(OLD.plusDays(2)))));
        DAMAGES.put("bronze hash-mismatched", store -> store.put(LakeLayout.bronzeBars(OLD.plusDays(3)),
                store.get(LakeLayout.bronzeBars(OLD.plusDays(4))).orElseThrow()));
        DAMAGES.put("bronze malformed with a matching meta", store -> malformedWithMatchingMeta(store, OLD.plusDays(4)));
        DAMAGES.put("run report malformed", store -> store.list(LakeLayout.RUNS).forEach(info ->
                store.put(info.key(), "{\"run_id\":".getBytes(StandardCharsets.UTF_8))));
        DAMAGES.put("watermarks malformed", store -> store.list(LakeLayout.WATERMARKS).forEach(info ->
                store.put(info.key(), "[1,2".getBytes(StandardCharsets.UTF_8))));
        DAMAGES.put("daily checkpoint malformed", store -> store.put(LakeLayout.checkpoint(DailyCheckpoint.NAME),
                "{\"sessions\":{\"2024-12-09\":".getBytes(StandardCharsets.UTF_8)));
        DAMAGES.put("resampler checkpoint malformed", store -> store.put(LakeLayout.checkpoint(ResamplerCheckpoint.name(5)),
                "null".getBytes(StandardCharsets.UTF_8)));
        DAMAGES.put("every checkpoint deleted", store -> store.delete(store.list(LakeLayout.CHECKPOINTS).stream()
                .map(ObjectInfo::key).toList()));
    }

    private static void truncate(ObjectStore store, String key) {
        byte[] bytes = store.get(key).orElseThrow();
        store.put(key, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** Bytes of another length that are no Parquet file. */
    private static byte[] garbage(ObjectStore store, String key) {
        byte[] bytes = new byte[store.get(key).orElseThrow().length + 7];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }

    /** Well-formed gzip and JSON whose hash the meta carries: only a parser can tell it is not a response. */
    private static void malformedWithMatchingMeta(ObjectStore store, LocalDate session) {
        byte[] body = "{\"status\":\"OK\",\"results\":42}".getBytes(StandardCharsets.UTF_8);
        try {
            BronzeMeta meta = LakeJson.mapper().readValue(store.get(LakeLayout.bronzeBarsMeta(session)).orElseThrow(), BronzeMeta.class);
            BronzeMeta forged = new BronzeMeta(meta.session(), meta.source(), meta.request(), meta.fetchedAt(),
                    Sha256.hex(body), body.length, meta.records());
            store.put(LakeLayout.bronzeBars(session), BronzeFiles.gzip(body));
            store.put(LakeLayout.bronzeBarsMeta(session), LakeJson.mapper().writeValueAsBytes(forged));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void oneRunRestoresTheUndamagedLakeByteForByte(String damage) {
        golden();
        Lake lake = copy();
        DAMAGES.get(damage).accept(lake.store());

        CliRun healing = run(lake, "run");

        assertThat(healing.exitCode()).as(healing.out() + healing.err()).isZero();
        assertThat(LakeContents.of(lake.store())).as(damage).isEqualTo(expected());
        CliRun status = run(lake, "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        if (damage.equals("run report malformed")) {
            // History cannot be rebuilt: status skips those reports, names them, and shows the newer ones.
            assertThat(status.out()).contains("Problems (", "is not a readable RunReport document", "SUCCEEDED");
        } else {
            assertThat(status.out()).as("healed: status names no problem").doesNotContain("Problems");
        }
    }

    @Test
    void statusNamesEveryDamagedObjectBeforeTheRunHealsIt() {
        Lake lake = copy();
        store(lake).delete(List.of(LakeLayout.bars(Timeframe.D5, 2025)));
        truncate(store(lake), LakeLayout.silverDaily(2024));
        store(lake).delete(List.of(LakeLayout.bronzeBarsMeta(OLD)));
        store(lake).list(LakeLayout.RUNS).forEach(info -> store(lake).put(info.key(), "{".getBytes(StandardCharsets.UTF_8)));

        CliRun status = run(lake, "status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Problems (",
                "silver/5d/year=2025/bars.parquet is missing (barlake run rebuilds it)",
                "silver/daily/year=2024/bars.parquet is damaged (",
                "bronze 2024-12-16 is incomplete: bronze/bars/date=2024-12-16/_meta.json is missing",
                "is not a readable RunReport document");
        CliRun json = run(lake, "status", "--json");
        assertThat(json.out()).contains("\"problems\"", "silver/5d/year=2025/bars.parquet is missing");
    }

    /**
     * A folder where a year file (daily or resampled) should be cannot be healed without deleting
     * what is in it, which is the owner's call: the run stops with one line naming the object, and
     * nothing changes. (S3Proxy keeps objects as files, so an S3 lake here refuses it as a folder
     * would; real S3 would write the object beside the folder's keys.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("folderDamages")
    void aFolderWhereAnObjectShouldBeStopsTheRunWithOneLineAndChangesNothing(String key, String state) {
        Lake lake = copy();
        store(lake).delete(List.of(key));
        store(lake).put(key + "/left-here", "someone's notes".getBytes(StandardCharsets.UTF_8));
        Map<String, String> damaged = LakeContents.of(lake.store());

        CliRun healing = run(lake, "run");

        assertThat(healing.exitCode()).isEqualTo(1);
        List<String> failure = healing.errLines().stream().filter(line -> !isProgress(line)).toList();
        assertThat(failure).as(healing.err()).singleElement().asString().startsWith("barlake: run ")
                .contains(" failed in " + state + ": ", "Cannot write " + key + " in ").endsWith(" (details above)")
                .doesNotContain("{", "States.TaskFailed");
        folderHint().ifPresent(hint -> assertThat(failure.get(0)).contains(hint));
        assertThat(healing.err()).doesNotContain("\tat ", "Exception");
        assertThat(LakeContents.of(lake.store())).as("nothing changed").isEqualTo(damaged);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> folderDamages() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of(LakeLayout.silverDaily(2024), "Consolidate"),
                org.junit.jupiter.params.provider.Arguments.of(LakeLayout.bars(Timeframe.D8, 2025), "Resample"));
    }

    private static ObjectStore store(Lake lake) {
        return lake.store();
    }
}
