package io.barlake.lake.parquet;

import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStores;
import io.barlake.lake.store.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Parquet codec on S3: ranged GETs against a real S3-protocol server. */
class S3ParquetCodecIT extends ParquetCodecContractTest {
    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected ObjectStore newStore() {
        return ObjectStores.open(LakeLocation.parse("s3://" + server.createBucket() + "/lake", LakeLocation.SETTING),
                server.environment());
    }
}
