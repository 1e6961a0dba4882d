package io.barlake.lake.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordsTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    private static final Instant AT = Instant.parse("2024-01-02T22:00:00Z");

    private static DailyBar bar(double open, double high, double low, double close, double volume) {
        return new DailyBar("AAPL", DAY, open, high, low, close, volume, null, null, "polygon", AT);
    }

    @Test
    void aValidBarKeepsItsFieldsIncludingNullsAndFractionalVolume() {
        DailyBar bar = new DailyBar("BRK.B", DAY, 10, 11, 9, 10.5, 1234.5678, null, null, "synthetic", AT);
        assertThat(bar.volume()).isEqualTo(1234.5678);
        assertThat(bar.vwap()).isNull();
        assertThat(bar.transactions()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|11|9|10|100|open must be a finite number > 0, was 0.0",
            "10|11|9|-1|100|close must be a finite number > 0, was -1.0",
            "NaN|11|9|10|100|open must be a finite number > 0, was NaN",
            "Infinity|11|9|10|100|open must be a finite number > 0, was Infinity",
            "10|10.5|9|11|100|high 10.5 < max(open, close) 11.0",
            "10|12|10.5|11|100|low 10.5 > min(open, close) 10.0",
            "10|12|9|11|-5|volume must be a finite number >= 0, was -5.0"})
    void invalidBarsAreRefusedWithTheReason(double open, double high, double low, double close, double volume,
            String reason) {
        assertThatThrownBy(() -> bar(open, high, low, close, volume))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1ABC", ".A", "KIMé", "ABCDEFGHIJK", "AB CD", "A/B", "A_B"})
    void invalidSymbolsAreRefused(String symbol) {
        assertThatThrownBy(() -> new DailyBar(symbol, DAY, 10, 11, 9, 10, 1, null, null, "polygon", AT))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("symbol '" + symbol + "' is not a valid ticker");
    }

    @Test
    void symbolsKeepTheCaseTheVendorWrites() {
        assertThat(Symbols.clean(" KIMpL ")).isEqualTo("KIMpL");
        assertThat(Symbols.clean("brk.b")).isEqualTo("brk.b");
        assertThat(Symbols.isValid("KIMpL")).isTrue();
        assertThat(Symbols.isValid("BRK.B")).isTrue();
        assertThat(Symbols.isValid("BF-B")).isTrue();
    }

    @Test
    void resampledBarsCheckTheirBucket() {
        assertThatThrownBy(() -> new ResampledBar("AAPL", DAY, DAY.minusDays(1), 1, true, 10, 11, 9, 10, 1, null))
                .hasMessage("end 2024-01-01 is before start 2024-01-02");
        assertThatThrownBy(() -> new ResampledBar("AAPL", DAY, DAY, 0, true, 10, 11, 9, 10, 1, null))
                .hasMessage("sessions must be >= 1, was 0");
    }

    @Test
    void aSplitFactorIsNewSharesPerOldShare() {
        assertThat(new Split("NVDA", LocalDate.of(2024, 6, 10), 1, 10).factor()).isEqualTo(10.0);
        assertThat(new Split("XYZ", LocalDate.of(2024, 6, 10), 10, 1).factor()).isEqualTo(0.1);
        assertThatThrownBy(() -> new Split("XYZ", DAY, 0, 1)).hasMessage("splitFrom must be a finite number > 0, was 0.0");
    }

    @Test
    void timeframesParseTheirLabels() {
        assertThat(Timeframe.parse("5d")).isEqualTo(Timeframe.D5);
        assertThat(Timeframe.parse(" 34D ")).isEqualTo(Timeframe.D34);
        assertThat(Timeframe.resampled()).extracting(Timeframe::sessions).containsExactly(3, 5, 8, 13, 21, 34);
        assertThat(Timeframe.ofSessions(13)).isEqualTo(Timeframe.D13);
        assertThatThrownBy(() -> Timeframe.parse("4d"))
                .hasMessage("Unknown timeframe '4d': expected one of [1d, 3d, 5d, 8d, 13d, 21d, 34d]");
    }
}
