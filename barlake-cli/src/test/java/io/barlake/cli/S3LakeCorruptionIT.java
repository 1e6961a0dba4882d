package io.barlake.cli;

import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStores;
import io.barlake.lake.store.S3ProxyExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The corruption suite on S3 (S3Proxy): a bucket per lake. */
class S3LakeCorruptionIT extends LakeCorruptionContract {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @Override
    protected Lake newLake() {
        String location = "s3://" + S3.createBucket() + "/lake";
        Map<String, String> environment = new HashMap<>(S3.environment());
        environment.put("BARLAKE_LAKE", location);
        return new Lake(ObjectStores.open(LakeLocation.parse(location, LakeLocation.SETTING), S3.environment()), environment);
    }

    @Override
    protected java.util.Optional<String> folderHint() {
        return java.util.Optional.empty();
    }
}
