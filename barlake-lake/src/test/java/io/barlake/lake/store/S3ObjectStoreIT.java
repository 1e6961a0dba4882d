package io.barlake.lake.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The object-store contract against a real S3-protocol server (S3Proxy), under a key prefix. */
class S3ObjectStoreIT extends ObjectStoreContractTest {
    private static S3ProxyServer server;
    private String bucket;

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
        bucket = server.createBucket();
        LakeLocation location = LakeLocation.parse("s3://" + bucket + "/team/lake", LakeLocation.SETTING);
        return ObjectStores.open(location, server.environment());
    }

    @Test
    void storesUnderTheirPrefixDoNotSeeEachOther() {
        store.put("a.json", bytes("inside"));
        try (ObjectStore sibling = ObjectStores.open(
                LakeLocation.parse("s3://" + bucket + "/team/other", LakeLocation.SETTING), server.environment())) {
            assertThat(sibling.list("")).isEmpty();
            assertThat(sibling.get("a.json")).isEmpty();
            sibling.put("a.json", bytes("sibling"));
        }
        assertThat(store.get("a.json")).hasValueSatisfying(value -> assertThat(text(value)).isEqualTo("inside"));
        assertThat(store.location()).isEqualTo("s3://" + bucket + "/team/lake/");
    }
}
