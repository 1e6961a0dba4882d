package io.barlake.fetchers.polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.fetchers.source.MarketDataSources;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.InvalidSettingException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The vendor's settings since Polygon.io became Massive: new names first, the old ones still read. */
class PolygonSettingsTest {
    private static final Function<String, ApiKey> NO_SECRETS = arn -> {
        throw new AssertionError("no secret is read here");
    };

    private static Optional<PolygonSettings> settings(Map<String, String> environment) {
        return PolygonSettings.fromEnvironment(environment, NO_SECRETS);
    }

    @Test
    void massiveIsTheDefaultHostAndItsKeyNameWinsOverTheOldOne() {
        PolygonSettings massive = settings(Map.of("MASSIVE_API_KEY", "mk_new_123")).orElseThrow();
        assertThat(massive.baseUrl()).isEqualTo(URI.create("https://api.massive.com"));
        assertThat(massive.apiKey().reveal()).isEqualTo("mk_new_123");

        PolygonSettings both = settings(Map.of("MASSIVE_API_KEY", "mk_new_123", "POLYGON_API_KEY", "pk_old_456")).orElseThrow();
        assertThat(both.apiKey().reveal()).as("one documented precedence: MASSIVE_API_KEY first").isEqualTo("mk_new_123");
        assertThat(PolygonSettings.keySetting(Map.of("MASSIVE_API_KEY", "x", "POLYGON_API_KEY", "y"))).hasValue("MASSIVE_API_KEY");
    }

    @Test
    void theSettingsBeforeTheRenameKeepWorking() {
        PolygonSettings old = settings(Map.of("POLYGON_API_KEY", "pk_old_456", "POLYGON_BASE_URL", "https://api.polygon.io",
                "POLYGON_RATE_LIMIT", "100")).orElseThrow();
        assertThat(old.apiKey().reveal()).isEqualTo("pk_old_456");
        assertThat(old.baseUrl()).isEqualTo(URI.create("https://api.polygon.io"));
        assertThat(old.requestsPerMinute()).isEqualTo(100);
        assertThat(PolygonSettings.keyConfigured(Map.of("POLYGON_API_KEY_SECRET_ARN", "arn:aws:secretsmanager:x"))).isTrue();
        assertThat(PolygonSettings.keyConfigured(Map.of("MASSIVE_API_KEY_SECRET_ARN", "arn:aws:secretsmanager:x"))).isTrue();
        assertThat(settings(Map.of())).isEmpty();
    }

    @Test
    void aBadKeyNamesTheSettingItCameFromAndNeverItsValue() {
        assertThatThrownBy(() -> settings(Map.of("MASSIVE_API_KEY", "has space")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("Invalid MASSIVE_API_KEY: ")
                .hasMessageNotContaining("has space");
    }

    @Test
    void askingForTheVendorWithoutAKeyNamesBothKeySettings() {
        assertThatThrownBy(() -> MarketDataSources.open(Map.of("BARLAKE_SOURCE", "massive"), TradingCalendar.nyse(),
                Clock.systemUTC(), NO_SECRETS))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid BARLAKE_SOURCE 'massive': massive needs MASSIVE_API_KEY (or POLYGON_API_KEY) or "
                        + "MASSIVE_API_KEY_SECRET_ARN (or POLYGON_API_KEY_SECRET_ARN)");
    }
}
