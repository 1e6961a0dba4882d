package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.testing.LakeContents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar's {@code barlake run}, killed with SIGKILL at ten seeded points of a run and run
 * again, leaves the lake a run never interrupted leaves. A point is "stage S has started and the
 * lake holds k objects", k drawn inside the writes of S as a clean run measured them, so the kills
 * land in the fetch, the consolidation, the resampling and the scan.
 */
class CrashRecoveryIT {
    private static final long SEED = 20_251_122L;
    private static final int KILLS = 10;
    /** The clock is pinned: bronze's fetched_at and silver's ingested_at are then the same in every run. */
    private static final String NOW = "2025-06-03T22:00:00Z";
    private static final List<String> STAGES = List.of("FetchStage", "Consolidate", "Resample", "Scan");

    @TempDir
    Path folder;

    /** A kill point: once {@code stage} has started and the lake holds {@code objects} objects. */
    record KillPoint(String stage, int objects) {}

    @Test
    void aRunKilledAtTenPointsAndRunAgainLeavesTheLakeOfARunNeverInterrupted() throws Exception {
        Path clean = folder.resolve("clean");
        Path cleanLog = folder.resolve("clean.log");
        Process reference = start(clean, cleanLog);
        Map<String, Integer> objectsAtStart = new TreeMap<>();
        while (reference.isAlive()) {
            String log = Files.readString(cleanLog, StandardCharsets.UTF_8);
            int objects = objectCount(clean);
            for (String stage : STAGES) {
                if (log.contains("→ " + stage + "\n")) {
                    objectsAtStart.putIfAbsent(stage, objects);
                }
            }
            Thread.sleep(1);
        }
        assertThat(reference.exitValue()).as(Files.readString(cleanLog)).isZero();
        Map<String, String> expected = contents(clean);
        int total = objectCount(clean);
        assertThat(expected.keySet()).contains("gold/signals/date=2025-06-03/signals.parquet", "silver/daily/year=2025/bars.parquet",
                "silver/34d/year=2025/bars.parquet", "_state/watermarks/bronze-bars.json");
        assertThat(objectsAtStart).containsOnlyKeys(STAGES);

        List<KillPoint> points = killPoints(objectsAtStart, total, new Random(SEED));
        assertThat(points).hasSize(KILLS).doesNotHaveDuplicates();
        List<String> kills = new ArrayList<>();
        Set<String> stagesHit = new TreeSet<>();
        for (int i = 0; i < points.size(); i++) {
            KillPoint point = points.get(i);
            Path lake = folder.resolve("crash-" + i);
            Path log = folder.resolve("crash-" + i + ".log");
            Process run = start(lake, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (run.isAlive() && System.nanoTime() < deadline && !(objectCount(lake) >= point.objects()
                    && Files.readString(log, StandardCharsets.UTF_8).contains("→ " + point.stage() + "\n"))) {
                Thread.sleep(1);
            }
            assertThat(run.isAlive()).as("the run is still going at %s", point).isTrue();
            run.destroyForcibly();
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> running = runningStages(Files.readString(log, StandardCharsets.UTF_8));
            stagesHit.addAll(running);
            kills.add(point + " running " + running);
            assertThat(runReports(lake)).as("killed at %s, before the run ended", point).isZero();

            Path rerunLog = folder.resolve("rerun-" + i + ".log");
            Process rerun = start(lake, rerunLog);
            assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(rerun.exitValue()).as(Files.readString(rerunLog, StandardCharsets.UTF_8)).isZero();
            assertThat(contents(lake)).as("killed at %s, then run again", point).isEqualTo(expected);
        }
        System.out.println("Objects when each stage starts: " + objectsAtStart + " of " + total + "; kills: " + kills);
        assertThat(stagesHit).as("stages running at the kills: %s", kills).containsAll(STAGES);
    }

    /**
     * Ten distinct points, drawn with the seed inside each stage's share of the writes: four in the
     * fetch (most objects), two in the consolidation, three in the resampling, one in the scan.
     */
    private static List<KillPoint> killPoints(Map<String, Integer> objectsAtStart, int total, Random random) {
        Map<String, Integer> kills = Map.of("FetchStage", 4, "Consolidate", 2, "Resample", 3, "Scan", 1);
        List<KillPoint> points = new ArrayList<>();
        for (int s = 0; s < STAGES.size(); s++) {
            String stage = STAGES.get(s);
            int from = Math.max(1, objectsAtStart.get(stage));
            int to = s + 1 < STAGES.size() ? objectsAtStart.get(STAGES.get(s + 1)) : total; // exclusive
            List<Integer> choices = new ArrayList<>();
            for (int objects = from; objects < Math.max(from + 1, to); objects++) {
                choices.add(objects);
            }
            Collections.shuffle(choices, random);
            choices.stream().limit(kills.get(stage)).sorted().forEach(objects -> points.add(new KillPoint(stage, objects)));
        }
        return points;
    }

    private Process start(Path lake, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(PackagedJar.barlake(List.of("-XX:TieredStopAtLevel=1"), "run", "--history", "12"));
        builder.environment().put("BARLAKE_LAKE", lake.toString());
        builder.environment().put("BARLAKE_SYNTHETIC_SYMBOLS", "40");
        builder.environment().put("BARLAKE_NOW", NOW);
        builder.environment().remove("POLYGON_API_KEY");
        builder.environment().remove("MASSIVE_API_KEY");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Top-level stages entered and not finished when the log stopped. */
    private static List<String> runningStages(String log) {
        List<String> running = new ArrayList<>();
        log.lines().forEach(line -> {
            if (line.startsWith("→ ") && STAGES.contains(line.substring(2))) {
                running.add(line.substring(2));
            } else if (line.startsWith("✓ ")) {
                running.remove(line.substring(2));
            }
        });
        return running;
    }

    /** The lake's contents as {@link LakeContents} compares them (run reports and recorded modification times aside). */
    private static Map<String, String> contents(Path lake) {
        try (LocalObjectStore store = new LocalObjectStore(lake)) {
            return LakeContents.of(store);
        }
    }

    private static long runReports(Path lake) throws IOException {
        if (!Files.isDirectory(lake.resolve("_runs"))) {
            return 0;
        }
        try (var reports = Files.list(lake.resolve("_runs"))) {
            return reports.count();
        }
    }

    private static int objectCount(Path lake) throws IOException {
        return objects(lake).size();
    }

    /** The lake's objects: files outside the scratch folder and the run reports. */
    private static List<Path> objects(Path lake) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(lake)) {
            return files;
        }
        Files.walkFileTree(lake, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName().toString();
                return name.equals(".barlake-tmp") || name.equals("_runs") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a file moved while we looked: the next look sees it
            }
        });
        return files;
    }
}
