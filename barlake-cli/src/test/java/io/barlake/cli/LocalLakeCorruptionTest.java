package io.barlake.cli;

import io.barlake.lake.store.LocalObjectStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The corruption suite on lake folders. */
class LocalLakeCorruptionTest extends LakeCorruptionContract {
    @TempDir
    static Path folder;
    private static final AtomicInteger LAKES = new AtomicInteger();

    @Override
    protected Lake newLake() {
        Path lake = folder.resolve("lake-" + LAKES.incrementAndGet());
        return new Lake(new LocalObjectStore(lake), Map.of("BARLAKE_LAKE", lake.toString()));
    }

    @Override
    protected java.util.Optional<String> folderHint() {
        return java.util.Optional.of("a folder is in its place; move it out of the lake and run again");
    }
}
