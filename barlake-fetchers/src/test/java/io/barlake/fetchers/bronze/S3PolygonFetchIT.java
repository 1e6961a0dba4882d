package io.barlake.fetchers.bronze;

import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.S3ProxyExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Polygon replays fetched into a lake on a real S3-protocol server. */
class S3PolygonFetchIT extends PolygonFetchContractTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @Override
    protected ObjectStore newStore() {
        return S3.newStore("lake");
    }
}
