package io.barlake.fetchers.bronze;

import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalPolygonFetchTest extends PolygonFetchContractTest {
    @TempDir
    Path folder;

    @Override
    protected ObjectStore newStore() {
        return new LocalObjectStore(folder.resolve("lake"));
    }
}
