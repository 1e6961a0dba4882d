package io.barlake.serving;

import io.barlake.lake.store.WholeNumberSetting;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.access.RequestLimits;
import java.time.Clock;
import java.util.Map;

/**
 * The serving settings from the environment: the accepted keys ({@value ApiKeys#SETTING}) and
 * each key's limits: {@value #RATE} requests a second (default 20) with bursts of
 * {@value #BURST} (default 40), and {@value #QUOTA} requests a UTC day (default 50,000).
 */
public record ServingSettings(ApiKeys keys, long perSecond, long burst, long dailyQuota) {
    public static final String RATE = "BARLAKE_RATE_LIMIT";
    public static final String BURST = "BARLAKE_RATE_BURST";
    public static final String QUOTA = "BARLAKE_DAILY_QUOTA";

    public static ServingSettings from(Map<String, String> environment) {
        return new ServingSettings(ApiKeys.parse(environment.get(ApiKeys.SETTING)), positive(environment, RATE, 20),
                positive(environment, BURST, 40), positive(environment, QUOTA, 50_000));
    }

    public RequestLimits limits(Clock clock) {
        return new RequestLimits(perSecond, burst, dailyQuota, clock);
    }

    private static long positive(Map<String, String> environment, String name, long defaultValue) {
        return WholeNumberSetting.parse(name, environment.get(name), defaultValue, 1, Long.MAX_VALUE, "a whole number of 1 or more");
    }
}
