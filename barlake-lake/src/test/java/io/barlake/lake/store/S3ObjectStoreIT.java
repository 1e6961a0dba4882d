package io.barlake.lake.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The object-store contract against a real S3-protocol server (S3Proxy), under a key prefix. */
class S3ObjectStoreIT extends ObjectStoreContractTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @Override
    protected ObjectStore newStore() {
        return S3.newStore("team/lake");
    }

    @Test
    void storesUnderTheirPrefixDoNotSeeEachOther() {
        String bucket = store.location().substring("s3://".length(), store.location().indexOf("/team/"));
        store.put("a.json", bytes("inside"));
        try (ObjectStore sibling = ObjectStores.open(
                LakeLocation.parse("s3://" + bucket + "/team/other", LakeLocation.SETTING), S3.environment())) {
            assertThat(sibling.list("")).isEmpty();
            assertThat(sibling.get("a.json")).isEmpty();
            sibling.put("a.json", bytes("sibling"));
        }
        assertThat(store.get("a.json")).hasValueSatisfying(value -> assertThat(text(value)).isEqualTo("inside"));
        assertThat(store.location()).isEqualTo("s3://" + bucket + "/team/lake/");
    }
}
