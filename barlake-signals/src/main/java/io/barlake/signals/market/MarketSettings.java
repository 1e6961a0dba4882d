package io.barlake.signals.market;

import io.barlake.lake.store.WholeNumberSetting;
import java.util.Map;

/**
 * Who may be a mover in the summary: the top gainers, losers and most active are chosen among
 * symbols closing at or above {@code minClose} dollars ({@value #MIN_CLOSE}, default 5) with an
 * average volume of the previous 20 sessions of at least {@code minAverageVolume}
 * ({@value #MIN_AVERAGE_VOLUME}, default 100,000), so a penny stock's doubling does not lead the
 * morning's list.
 */
public record MarketSettings(double minClose, long minAverageVolume) {
    public static final String MIN_CLOSE = "BARLAKE_MOVERS_MIN_CLOSE";
    public static final String MIN_AVERAGE_VOLUME = "BARLAKE_MOVERS_MIN_AVG_VOLUME";
    public static final MarketSettings DEFAULTS = new MarketSettings(5, 100_000);

    public static MarketSettings fromEnvironment(Map<String, String> environment) {
        return new MarketSettings(WholeNumberSetting.parse(MIN_CLOSE, environment.get(MIN_CLOSE), 5, 0, 1_000_000,
                "a whole number of dollars, 0 or more"), WholeNumberSetting.parse(MIN_AVERAGE_VOLUME,
                environment.get(MIN_AVERAGE_VOLUME), 100_000, 0, Long.MAX_VALUE, "a whole number of shares, 0 or more"));
    }
}
