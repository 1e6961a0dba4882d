package io.barlake.statemachine.local;

import io.barlake.lake.store.LocalObjectStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPipelineTest {
    @TempDir
    Path lake;

    private PipelineScenarios scenarios() {
        return new PipelineScenarios(new LocalObjectStore(lake), Map.of("BARLAKE_LAKE", lake.toString()));
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
