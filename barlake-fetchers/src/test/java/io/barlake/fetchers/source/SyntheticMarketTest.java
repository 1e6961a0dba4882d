package io.barlake.fetchers.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.bronze.GroupedDailyParser;
import io.barlake.lake.bronze.ParsedSession;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.DailyBar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {
    private static final TradingCalendar CALENDAR = TradingCalendar.nyse();
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private final GroupedDailyParser parser = new GroupedDailyParser(CALENDAR);

    @Test
    void theSameSeedGivesTheSameBytesWhateverTheOrderOfRequests() {
        SyntheticMarket first = new SyntheticMarket(7, 300, CALENDAR);
        SyntheticMarket second = new SyntheticMarket(7, 300, CALENDAR);
        LocalDate a = LocalDate.of(2024, 3, 1);
        LocalDate b = LocalDate.of(2021, 6, 1);
        byte[] firstA = first.groupedDaily(a);
        byte[] firstB = first.groupedDaily(b);
        assertThat(second.groupedDaily(b)).isEqualTo(firstB);
        assertThat(second.groupedDaily(a)).isEqualTo(firstA);
        assertThat(new SyntheticMarket(8, 300, CALENDAR).groupedDaily(a)).isNotEqualTo(firstA);
        assertThat(first.tickerReference(a).toString()).isEqualTo(second.tickerReference(a).toString());
        assertThat(first.splitReference(a).toString()).isEqualTo(second.splitReference(a).toString());
    }

    @Test
    void everyRecordPassesValidationAndLooksLikeAStock() {
        SyntheticMarket market = new SyntheticMarket(42, 2000, CALENDAR);
        for (LocalDate session : CALENDAR.sessionsBetween(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31))) {
            ParsedSession parsed = parser.parse(market.groupedDaily(session), session, "synthetic", AT);
            assertThat(parsed.refused()).as("refusals on %s", session).isEmpty();
            assertThat(parsed.accepted()).hasSizeGreaterThan(1000).allSatisfy(bar -> {
                assertThat(bar.close()).isBetween(0.0001, 1_000_000.0);
                assertThat(bar.volume()).isPositive();
                assertThat(bar.vwap()).isBetween(bar.low(), bar.high());
                assertThat(bar.transactions()).isPositive();
            });
        }
    }

    @Test
    void theMarketHasHaltsIposDelistingsSplitsAndDottedTickers() {
        SyntheticMarket market = new SyntheticMarket(42, 500, CALENDAR);
        List<LocalDate> sessions = CALENDAR.sessionsBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31));
        Map<String, Set<LocalDate>> traded = new HashMap<>();
        for (LocalDate session : sessions) {
            for (DailyBar bar : parser.parse(market.groupedDaily(session), session, "synthetic", AT).accepted()) {
                traded.computeIfAbsent(bar.symbol(), s -> new HashSet<>()).add(session);
            }
        }
        long ipos = traded.values().stream().filter(days -> !days.contains(sessions.get(0))
                && days.contains(sessions.get(sessions.size() - 1))).count();
        long delistings = traded.values().stream().filter(days -> days.contains(sessions.get(0))
                && !days.contains(sessions.get(sessions.size() - 1))).count();
        long withHalts = traded.values().stream().filter(days -> {
            LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
            return CALENDAR.countSessions(first, last) > days.size();
        }).count();
        assertThat(ipos).as("IPOs inside 2020-2024").isGreaterThan(5);
        assertThat(delistings).as("delistings inside 2020-2024").isGreaterThan(5);
        assertThat(withHalts).as("symbols with a trading halt").isGreaterThan(50);
        assertThat(traded.keySet()).anySatisfy(symbol -> assertThat(symbol).endsWith(".B"));

        List<JsonNode> splits = market.splitReference(LocalDate.of(2024, 12, 31));
        Map<Integer, Long> splitsPerYear = splits.stream().collect(Collectors.groupingBy(
                split -> LocalDate.parse(split.get("execution_date").asText()).getYear(), Collectors.counting()));
        assertThat(splitsPerYear.getOrDefault(2023, 0L) + splitsPerYear.getOrDefault(2024, 0L))
                .as("splits in 2023-2024 among 500 symbols").isBetween(2L, 60L);
    }

    @Test
    void quarterlyDividendsFallOnSessionsAndAreASmallShareOfThePreviousClose() {
        SyntheticMarket market = new SyntheticMarket(42, 500, CALENDAR);
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        List<com.fasterxml.jackson.databind.JsonNode> dividends = market.dividendReference(from, to);
        assertThat(dividends).hasSizeGreaterThan(300); // about 200 payers × 4
        assertThat(new SyntheticMarket(42, 500, CALENDAR).dividendReference(from, to)).isEqualTo(dividends);
        for (com.fasterxml.jackson.databind.JsonNode dividend : dividends) {
            LocalDate exDate = LocalDate.parse(dividend.path("ex_dividend_date").asText());
            assertThat(CALENDAR.isSession(exDate)).isTrue();
            assertThat(exDate).isBetween(from, to);
            assertThat(dividend.path("cash_amount").asDouble()).isPositive();
            assertThat(dividend.path("dividend_type").asText()).isEqualTo("CD");
        }
        // A window's records are the same as those of a wider one falling inside it.
        assertThat(market.dividendReference(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))).isEqualTo(dividends.stream()
                .filter(d -> d.path("ex_dividend_date").asText().startsWith("2024-03")).toList());
    }

    @Test
    void aSplitShowsInRawPricesAndNowhereElse() {
        SyntheticMarket market = new SyntheticMarket(42, 500, CALENDAR);
        JsonNode split = market.splitReference(LocalDate.of(2024, 12, 31)).stream()
                .filter(s -> s.get("execution_date").asText().startsWith("202"))
                .filter(s -> s.get("split_to").asInt() > s.get("split_from").asInt())
                .findFirst().orElseThrow();
        String symbol = split.get("ticker").asText();
        LocalDate executed = LocalDate.parse(split.get("execution_date").asText());
        DailyBar before = bar(market, symbol, CALENDAR.previousSession(executed));
        DailyBar after = bar(market, symbol, executed);
        double factor = split.get("split_to").asDouble() / split.get("split_from").asDouble();
        assertThat(after.close() * factor / before.close()).as("adjusted move across the split").isBetween(0.7, 1.4);
        assertThat(after.close() / before.close()).as("raw move across the split").isLessThan(0.75);
    }

    @Test
    void weekendsAndHolidaysHaveNoBars() {
        SyntheticMarket market = new SyntheticMarket(42, 50, CALENDAR);
        assertThat(parser.parse(market.groupedDaily(LocalDate.of(2025, 1, 9)), LocalDate.of(2025, 1, 9), "synthetic", AT)
                .received()).isZero();
        assertThat(new String(market.groupedDaily(LocalDate.of(2024, 1, 6)))).contains("\"resultsCount\":0")
                .doesNotContain("results\":[");
    }

    @Test
    void theSizeIsBounded() {
        assertThatThrownBy(() -> new SyntheticMarket(1, 12_001, CALENDAR))
                .hasMessage("Cannot build a synthetic market of 12001 symbols: use 1 to 12000");
        SyntheticMarket large = new SyntheticMarket(1, 12_000, CALENDAR);
        assertThat(new HashSet<>(large.tickers())).hasSize(12_000);
    }

    private DailyBar bar(SyntheticMarket market, String symbol, LocalDate session) {
        return parser.parse(market.groupedDaily(session), session, "synthetic", AT).accepted().stream()
                .filter(b -> b.symbol().equals(symbol)).findFirst().orElseThrow();
    }
}
