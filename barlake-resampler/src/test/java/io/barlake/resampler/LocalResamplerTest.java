package io.barlake.resampler;

import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalResamplerTest extends ResamplerContractTest {
    @TempDir
    Path folder;

    @Override
    protected ObjectStore newStore() throws Exception {
        return new LocalObjectStore(Files.createTempDirectory(folder, "lake"));
    }
}
