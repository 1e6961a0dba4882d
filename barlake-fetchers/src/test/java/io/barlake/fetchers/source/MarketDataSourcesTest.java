package io.barlake.fetchers.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.fetchers.polygon.ApiKey;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.InvalidSettingException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketDataSourcesTest {
    private static final Function<String, ApiKey> NO_SECRETS = arn -> {
        throw new AssertionError("no secret expected");
    };

    private static MarketDataSource open(Map<String, String> environment) {
        return MarketDataSources.open(environment, TradingCalendar.nyse(), Clock.systemUTC(), NO_SECRETS);
    }

    @Test
    void withoutAKeyTheSyntheticMarketIsUsed() {
        MarketDataSource source = open(Map.of());
        assertThat(source.name()).isEqualTo("synthetic");
        assertThat(source.description()).isEqualTo("synthetic market (seed 42, 500 symbols)");
        assertThat(open(Map.of("BARLAKE_SYNTHETIC_SEED", "7", "BARLAKE_SYNTHETIC_SYMBOLS", "12000")).description())
                .isEqualTo("synthetic market (seed 7, 12000 symbols)");
    }

    @Test
    void withAKeyPolygonIsUsed() {
        MarketDataSource source = open(Map.of("POLYGON_API_KEY", "abc123", "POLYGON_RATE_LIMIT", "100"));
        assertThat(source.name()).isEqualTo("polygon");
        source.close();
    }

    @Test
    void aSecretArnIsResolvedThroughSecretsManager() {
        MarketDataSource source = MarketDataSources.open(Map.of("POLYGON_API_KEY_SECRET_ARN", "arn:aws:secretsmanager:x"),
                TradingCalendar.nyse(), Clock.systemUTC(), arn -> ApiKey.of("from-" + arn.length()));
        assertThat(source.name()).isEqualTo("polygon");
        source.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POLYGON_RATE_LIMIT|five|Invalid POLYGON_RATE_LIMIT 'five': expected a whole number of requests per minute from 1 to 100000",
            "POLYGON_RATE_LIMIT|0|Invalid POLYGON_RATE_LIMIT '0': expected a whole number of requests per minute from 1 to 100000",
            "POLYGON_BASE_URL|api.polygon.io|Invalid POLYGON_BASE_URL 'api.polygon.io': expected http(s)://host[:port][/path] without a query",
            "POLYGON_BASE_URL|https://x.io/?apiKey=1|Invalid POLYGON_BASE_URL 'https://x.io/?apiKey=1': expected http(s)://host[:port][/path] without a query"})
    void badPolygonSettingsAreOneLineNamingTheSetting(String name, String value, String message) {
        assertThatThrownBy(() -> open(Map.of("POLYGON_API_KEY", "abc123", name, value)))
                .isInstanceOf(InvalidSettingException.class).hasMessage(message);
    }

    @Test
    void aBlankKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> open(Map.of("POLYGON_API_KEY", "  ")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid POLYGON_API_KEY: the API key is empty");
        assertThatThrownBy(() -> open(Map.of("POLYGON_API_KEY", "secret with spaces")))
                .hasMessage("Invalid POLYGON_API_KEY: the API key contains spaces or non-printable characters");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BARLAKE_SOURCE|yahoo|Invalid BARLAKE_SOURCE 'yahoo': expected massive (or polygon), synthetic or flatfiles",
            "BARLAKE_SOURCE|polygon|Invalid BARLAKE_SOURCE 'polygon': polygon needs MASSIVE_API_KEY (or POLYGON_API_KEY) or MASSIVE_API_KEY_SECRET_ARN (or POLYGON_API_KEY_SECRET_ARN)",
            "BARLAKE_SOURCE|flatfiles|Invalid BARLAKE_FLATFILES_DIR: it is required when BARLAKE_SOURCE=flatfiles",
            "BARLAKE_SYNTHETIC_SYMBOLS|20000|Invalid BARLAKE_SYNTHETIC_SYMBOLS '20000': expected 1 to 12000",
            "BARLAKE_SYNTHETIC_SEED|x|Invalid BARLAKE_SYNTHETIC_SEED 'x': expected a whole number"})
    void badSourceSettingsAreOneLineNamingTheSetting(String name, String value, String message) {
        assertThatThrownBy(() -> open(Map.of(name, value))).isInstanceOf(InvalidSettingException.class).hasMessage(message);
    }
}
