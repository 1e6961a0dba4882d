package io.barlake.lake.bronze;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.DailyBar;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupedDailyParserTest {
    private static final LocalDate SESSION = LocalDate.of(2024, 1, 2);
    private static final long CLOSE_MS = 1704229200000L; // 2024-01-02 16:00 New York
    private static final Instant INGESTED = Instant.parse("2024-01-03T01:00:00Z");
    private final GroupedDailyParser parser = new GroupedDailyParser(TradingCalendar.nyse());

    private ParsedSession parse(String results, LocalDate session) {
        String body = "{\"status\":\"OK\",\"resultsCount\":1,\"results\":[" + results + "]}";
        return parser.parse(body.getBytes(UTF_8), session, "polygon", INGESTED);
    }

    private static String record(String symbol, String open, String high, String low, String close, String volume) {
        return "{\"T\":" + symbol + ",\"o\":" + open + ",\"h\":" + high + ",\"l\":" + low + ",\"c\":" + close + ",\"v\":"
                + volume + ",\"vw\":185.5,\"n\":1000,\"t\":" + CLOSE_MS + "}";
    }

    @Test
    void validRecordsBecomeBarsWithTheirTickersAsTheVendorWritesThem() {
        ParsedSession parsed = parse(record("\" AAPL \"", "185.1", "186", "184", "185.6", "51234567.5") + ","
                + "{\"T\":\"KIMpL\",\"o\":21.1,\"h\":21.3,\"l\":21,\"c\":21.2,\"v\":5400,\"t\":" + CLOSE_MS + "},"
                + "{\"T\":\"BRK.B\",\"o\":360,\"h\":361,\"l\":359,\"c\":360.5,\"v\":100,\"t\":" + CLOSE_MS + "}", SESSION);
        assertThat(parsed.refused()).isEmpty();
        assertThat(parsed.accepted()).containsExactly(
                new DailyBar("AAPL", SESSION, 185.1, 186, 184, 185.6, 51234567.5, 185.5, 1000L, "polygon", INGESTED),
                new DailyBar("KIMpL", SESSION, 21.1, 21.3, 21, 21.2, 5400, null, null, "polygon", INGESTED),
                new DailyBar("BRK.B", SESSION, 360, 361, 359, 360.5, 100, null, null, "polygon", INGESTED));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"T\":\"AAPL\",\"o\":\"185.1\",\"h\":186,\"l\":184,\"c\":185,\"v\":1}|field 'o' is not a number: \"185.1\"",
            "{\"T\":\"AAPL\",\"h\":186,\"l\":184,\"c\":185,\"v\":1}|field 'o' is missing",
            "{\"T\":\"AAPL\",\"o\":185,\"h\":186,\"l\":184,\"c\":185,\"v\":null}|field 'v' is missing",
            "{\"o\":185,\"h\":186,\"l\":184,\"c\":185,\"v\":1}|field 'T' (symbol) is missing",
            "{\"T\":42,\"o\":185,\"h\":186,\"l\":184,\"c\":185,\"v\":1}|field 'T' (symbol) is not a string: 42",
            "{\"T\":\"A B\",\"o\":185,\"h\":186,\"l\":184,\"c\":185,\"v\":1}|symbol 'A B' is not a valid ticker (expected ^[A-Za-z][A-Za-z0-9.\\-]{0,9}$)",
            "{\"T\":\"AAPL\",\"o\":0,\"h\":186,\"l\":184,\"c\":185,\"v\":1}|open must be a finite number > 0, was 0.0",
            "{\"T\":\"AAPL\",\"o\":185,\"h\":186,\"l\":185.5,\"c\":186,\"v\":1}|low 185.5 > min(open, close) 185.0",
            "{\"T\":\"AAPL\",\"o\":185,\"h\":185.5,\"l\":184,\"c\":186,\"v\":1}|high 185.5 < max(open, close) 186.0",
            "{\"T\":\"AAPL\",\"o\":185,\"h\":186,\"l\":184,\"c\":185,\"v\":-3}|volume must be a finite number >= 0, was -3.0",
            "{\"T\":\"AAPL\",\"o\":185,\"h\":186,\"l\":184,\"c\":185,\"v\":1,\"n\":2.5}|field 'n' is not a whole number: 2.5",
            "{\"T\":\"AAPL\",\"o\":185,\"h\":186,\"l\":184,\"c\":185,\"v\":1,\"t\":1704315600000}|timestamp t=1704315600000 falls on 2024-01-03, not on the session 2024-01-02",
            "[1,2,3]|record is not a JSON object"})
    void invalidRecordsAreRefusedWithTheirReason(String record, String reason) {
        ParsedSession parsed = parse(record, SESSION);
        assertThat(parsed.accepted()).isEmpty();
        assertThat(parsed.refused()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(reason);
            assertThat(rejection.session()).isEqualTo(SESSION);
            assertThat(rejection.record()).isEqualTo(record);
        });
        assertThat(parsed.received()).isEqualTo(1);
    }

    @Test
    void aDuplicateSymbolKeepsTheFirstAndRefusesTheSecondWhileACaseTwinIsAnotherTicker() {
        ParsedSession parsed = parse(record("\"AAPL\"", "1", "2", "1", "1.5", "10") + ","
                + record("\" AAPL\"", "1", "2", "1", "1.6", "10") + ","
                + record("\"KIMpL\"", "1", "2", "1", "1.7", "10") + ","
                + record("\"KIMPL\"", "1", "2", "1", "1.8", "10"), SESSION);
        assertThat(parsed.accepted()).extracting(DailyBar::close).containsExactly(1.5, 1.7, 1.8);
        assertThat(parsed.refused()).extracting(Rejection::reason).containsExactly("duplicate symbol AAPL in the session");
    }

    @Test
    void everyRecordOfANonSessionIsRefused() {
        LocalDate saturday = LocalDate.of(2024, 1, 6);
        ParsedSession parsed = parse("{\"T\":\"AAPL\",\"o\":1,\"h\":2,\"l\":1,\"c\":1.5,\"v\":10}", saturday);
        assertThat(parsed.refused()).extracting(Rejection::reason).containsExactly("2024-01-06 is not an NYSE session");
    }

    @Test
    void receivedEqualsAcceptedPlusRefused() {
        ParsedSession parsed = parse(record("\"AAPL\"", "1", "2", "1", "1.5", "10") + ","
                + record("\"MSFT\"", "\"x\"", "2", "1", "1.5", "10") + "," + record("\"IBM\"", "1", "2", "1", "1.5", "10"), SESSION);
        assertThat(parsed.received()).isEqualTo(3);
        assertThat(parsed.accepted()).hasSize(2);
        assertThat(parsed.refused()).hasSize(1);
    }

    @Test
    void anEmptyMarketDayHasNoRecords() {
        byte[] body = "{\"queryCount\":0,\"resultsCount\":0,\"adjusted\":false,\"status\":\"OK\"}".getBytes(UTF_8);
        assertThat(parser.parse(body, SESSION, "polygon", INGESTED).received()).isZero();
        assertThat(GroupedDailyParser.results("{\"resultsCount\":0,\"results\":[]}".getBytes(UTF_8))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"OK\",\"resultsCount\":2,\"results\":[{\"T\":\"A|not valid JSON",
            "{\"status\":\"OK\",\"resultsCount\":2}|'results' is missing (resultsCount 2)",
            "{\"status\":\"OK\",\"results\":{\"T\":\"A\"}}|'results' is not an array but OBJECT",
            "[]|expected a JSON object, got ARRAY",
            "{\"status\":\"ERROR\",\"error\":\"Unknown API Key\"}|status ERROR: Unknown API Key"})
    void malformedResponsesAreRefusedAsAWhole(String body, String message) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(UTF_8), SESSION, "polygon", INGESTED))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith(message);
    }
}
