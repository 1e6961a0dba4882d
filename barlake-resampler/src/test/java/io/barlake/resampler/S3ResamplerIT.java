package io.barlake.resampler;

import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.S3ProxyExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Resampling with the lake on a real S3-protocol server. */
class S3ResamplerIT extends ResamplerContractTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @Override
    protected ObjectStore newStore() {
        return S3.newStore("lake");
    }
}
