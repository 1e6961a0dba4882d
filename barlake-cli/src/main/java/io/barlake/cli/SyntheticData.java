package io.barlake.cli;

import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;

/** Whether a lake holds sessions of the synthetic market, and the words every output uses to say so. */
final class SyntheticData {
    static final String WARNING = "Data: SYNTHETIC. This lake holds sessions of Barlake's generated market, not real "
            + "prices; tickers such as EQT are names only. Set MASSIVE_API_KEY to fetch the vendor's bars.";

    private SyntheticData() {}

    static boolean in(ObjectStore store, Clock clock) {
        return new StateStore(store, clock).checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class)
                .map(checkpoint -> checkpoint.sources().contains(BronzeMeta.SYNTHETIC_SOURCE)).orElse(false);
    }
}
