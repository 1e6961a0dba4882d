package io.barlake.lake.parquet;

import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalParquetCodecTest extends ParquetCodecContractTest {
    @TempDir
    Path folder;

    @Override
    protected ObjectStore newStore() {
        return new LocalObjectStore(folder);
    }
}
