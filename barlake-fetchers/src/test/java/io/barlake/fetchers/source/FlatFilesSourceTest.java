package io.barlake.fetchers.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.bronze.GroupedDailyParser;
import io.barlake.lake.bronze.ParsedSession;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.DailyBar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlatFilesSourceTest {
    private static final LocalDate SESSION = LocalDate.of(2024, 1, 2);

    @TempDir
    Path folder;

    private void copyFixture(Path target, boolean gzip) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = getClass().getResourceAsStream("2024-01-02.csv");
             OutputStream raw = Files.newOutputStream(target);
             OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            in.transferTo(out);
        }
    }

    @Test
    void aGzippedDayFileInPolygonsLayoutBecomesAGroupedResponse() throws IOException {
        copyFixture(folder.resolve("us_stocks_sip/day_aggs_v1/2024/01/2024-01-02.csv.gz"), true);
        FlatFilesSource source = new FlatFilesSource(folder);

        SessionResponse response = source.groupedDaily(SESSION);

        assertThat(response.request()).isEqualTo("flat file us_stocks_sip/day_aggs_v1/2024/01/2024-01-02.csv.gz");
        ParsedSession parsed = new GroupedDailyParser(TradingCalendar.nyse()).parse(response.body(), SESSION, "flatfiles",
                Instant.EPOCH);
        assertThat(parsed.accepted()).extracting(DailyBar::symbol).containsExactly("AAPL", "BRK.B", "MSFT");
        assertThat(parsed.accepted().get(1).volume()).isEqualTo(3615471.5);
        assertThat(parsed.accepted().get(0).transactions()).isEqualTo(653419L);
        assertThat(parsed.refused()).singleElement().satisfies(rejection ->
                assertThat(rejection.reason()).isEqualTo("field 'o' is not a number: \"abc\""));
        assertThat(source.description()).endsWith("(1 days)");
    }

    @Test
    void plainCsvWorksTooAndAMissingDayIsAClearError() throws IOException {
        copyFixture(folder.resolve("2024-01-02.csv"), false);
        FlatFilesSource source = new FlatFilesSource(folder);
        assertThat(source.groupedDaily(SESSION).body()).isNotEmpty();
        assertThatThrownBy(() -> source.groupedDaily(LocalDate.of(2024, 1, 3)))
                .isInstanceOf(SessionUnavailableException.class)
                .hasMessage("Cannot read flat file for 2024-01-03: no 2024-01-03.csv.gz or 2024-01-03.csv below " + folder);
        assertThat(source.tickers(SESSION).results()).isEmpty();
    }

    @Test
    void aFileWithoutTheExpectedHeaderIsRefused() throws IOException {
        Files.writeString(folder.resolve("2024-01-02.csv"), "symbol,close\nAAPL,1\n");
        assertThatThrownBy(() -> new FlatFilesSource(folder).groupedDaily(SESSION))
                .hasMessageStartingWith("Cannot read flat file 2024-01-02.csv: missing column(s) [ticker, volume, open, high,"
                        + " low, window_start, transactions]");
    }
}
