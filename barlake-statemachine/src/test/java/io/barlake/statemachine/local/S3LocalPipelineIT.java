package io.barlake.statemachine.local;

import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStores;
import io.barlake.lake.store.S3ProxyExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same scenarios with the lake on a real S3-protocol server. */
class S3LocalPipelineIT {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private PipelineScenarios scenarios() {
        Map<String, String> environment = new HashMap<>(S3.environment());
        String location = "s3://" + S3.createBucket() + "/lake";
        environment.put("BARLAKE_LAKE", location);
        ObjectStore store = ObjectStores.open(LakeLocation.parse(location, "BARLAKE_LAKE"), environment);
        return new PipelineScenarios(store, environment);
    }

    @Test
    void aFetcherFailingTwiceWithARetryableErrorIsRetriedAndTheRunSucceeds() {
        scenarios().fetcherRetriedThenSucceeds();
    }

    @Test
    void aConsolidatorFailingForGoodNotifiesWithTheRerunCommandAndLeavesSilverUnchanged() {
        scenarios().consolidatorFailingForGoodLeavesSilverAndSaysHowToRerun();
    }

    @Test
    void aJobThatCanOnlyFailAgainIsNotRetried() {
        scenarios().aJobThatCanOnlyFailAgainIsNotRetried();
    }
}
