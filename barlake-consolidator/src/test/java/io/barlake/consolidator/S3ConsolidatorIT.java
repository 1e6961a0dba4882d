package io.barlake.consolidator;

import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.S3ProxyExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The consolidator contract with the lake on a real S3-protocol server. */
class S3ConsolidatorIT extends ConsolidatorContractTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @Override
    protected ObjectStore newStore() {
        return S3.newStore("lake");
    }
}
