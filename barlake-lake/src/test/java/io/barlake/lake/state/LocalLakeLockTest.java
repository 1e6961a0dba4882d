package io.barlake.lake.state;

import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalLakeLockTest extends LakeLockContractTest {
    @TempDir
    Path folder;

    @Override
    protected ObjectStore newStore() {
        return new LocalObjectStore(folder.resolve("lake"));
    }
}
