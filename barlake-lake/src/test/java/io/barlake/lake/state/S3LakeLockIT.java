package io.barlake.lake.state;

import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.S3ProxyExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3LakeLockIT extends LakeLockContractTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @Override
    protected ObjectStore newStore() {
        return S3.newStore("lake");
    }
}
