package io.barlake.lake.parquet;

import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.S3ProxyExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Parquet codec on S3: ranged GETs against a real S3-protocol server. */
class S3ParquetCodecIT extends ParquetCodecContractTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @Override
    protected ObjectStore newStore() {
        return S3.newStore("lake");
    }
}
