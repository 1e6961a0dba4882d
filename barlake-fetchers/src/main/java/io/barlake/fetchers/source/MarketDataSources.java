package io.barlake.fetchers.source;

import io.barlake.fetchers.polygon.ApiKey;
import io.barlake.fetchers.polygon.PolygonClient;
import io.barlake.fetchers.polygon.PolygonSettings;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.InvalidSettingException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the market-data source from the environment: {@code BARLAKE_SOURCE}
 * ({@code polygon}, {@code synthetic} or {@code flatfiles}) when set; otherwise Polygon when a key
 * is configured and the synthetic market when not.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><td>{@code BARLAKE_SYNTHETIC_SEED}</td><td>synthetic seed, default 42</td></tr>
 *   <tr><td>{@code BARLAKE_SYNTHETIC_SYMBOLS}</td><td>synthetic universe size, 1–12,000, default 500</td></tr>
 *   <tr><td>{@code BARLAKE_FLATFILES_DIR}</td><td>folder of flat files, required for {@code flatfiles}</td></tr>
 * </table>
 */
public final class MarketDataSources {
    public static final String SOURCE = "BARLAKE_SOURCE";
    public static final String SEED = "BARLAKE_SYNTHETIC_SEED";
    public static final String SYMBOLS = "BARLAKE_SYNTHETIC_SYMBOLS";
    public static final String FLATFILES_DIR = "BARLAKE_FLATFILES_DIR";

    private MarketDataSources() {}

    /** Opens the configured source; {@code secrets} resolves a Secrets Manager ARN to the key. */
    public static MarketDataSource open(Map<String, String> environment, TradingCalendar calendar, Clock clock,
            Function<String, ApiKey> secrets) {
        String chosen = environment.get(SOURCE);
        String kind = chosen == null ? null : chosen.strip().toLowerCase(Locale.ROOT);
        if (kind == null || kind.equals("polygon") || kind.equals("massive")) {
            Optional<PolygonSettings> polygon = PolygonSettings.fromEnvironment(environment, secrets);
            if (polygon.isPresent()) {
                return new PolygonSource(new PolygonClient(polygon.get(), calendar, clock));
            }
            if (kind != null) {
                throw new InvalidSettingException(SOURCE, chosen, kind + " needs " + PolygonSettings.MASSIVE_KEY + " (or "
                        + PolygonSettings.KEY + ") or " + PolygonSettings.MASSIVE_KEY_SECRET_ARN + " (or " + PolygonSettings.KEY_SECRET_ARN + ")");
            }
            kind = "synthetic";
        }
        return switch (kind) {
            case "synthetic" -> new SyntheticSource(new SyntheticMarket(
                    longSetting(environment, SEED, SyntheticMarket.DEFAULT_SEED),
                    (int) intSetting(environment, SYMBOLS, SyntheticMarket.DEFAULT_SYMBOLS, 1, SyntheticMarket.MAX_SYMBOLS),
                    calendar));
            case "flatfiles" -> {
                String folder = environment.get(FLATFILES_DIR);
                if (folder == null || folder.isBlank()) {
                    throw new InvalidSettingException(FLATFILES_DIR, null, "it is required when " + SOURCE + "=flatfiles");
                }
                try {
                    yield new FlatFilesSource(Path.of(folder));
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException(FLATFILES_DIR, folder, "not a folder");
                }
            }
            default -> throw new InvalidSettingException(SOURCE, chosen, "expected massive (or polygon), synthetic or flatfiles");
        };
    }

    private static long longSetting(Map<String, String> environment, String name, long fallback) {
        String value = environment.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(name, value, "expected a whole number");
        }
    }

    private static long intSetting(Map<String, String> environment, String name, int fallback, int min, int max) {
        long value = longSetting(environment, name, fallback);
        if (value < min || value > max) {
            throw new InvalidSettingException(name, environment.get(name), "expected " + min + " to " + max);
        }
        return value;
    }
}
