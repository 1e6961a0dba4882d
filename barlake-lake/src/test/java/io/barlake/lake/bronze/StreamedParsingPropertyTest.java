package io.barlake.lake.bronze;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.barlake.lake.calendar.TradingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The grouped-daily parser reads records with a streaming pass and falls back to the JSON tree for
 * anything unusual: for any response, odd fields, duplicates and damage included, the outcome must
 * be exactly the tree's (the same bars, the same refusals with the same reasons and text, the same
 * error for a malformed whole).
 */
class StreamedParsingPropertyTest {
    private static final LocalDate SESSION = LocalDate.of(2024, 1, 2);
    private static final long CLOSE_MS = 1704229200000L;
    private static final Instant INGESTED = Instant.parse("2024-01-03T01:00:00Z");
    private final GroupedDailyParser parser = new GroupedDailyParser(TradingCalendar.nyse());

    @Property(tries = 400)
    void theStreamedPassJudgesEveryResponseAsTheTreeDoes(@ForAll("responses") String response) {
        byte[] body = response.getBytes(UTF_8);
        Throwable treeError = catchThrowable(() -> parser.fromTree(body, SESSION, "polygon", INGESTED));
        if (treeError != null) {
            Throwable streamedError = catchThrowable(() -> parser.parse(body, SESSION, "polygon", INGESTED));
            assertThat(streamedError).isInstanceOf(treeError.getClass()).hasMessage(treeError.getMessage());
            return;
        }
        ParsedSession streamed = parser.parse(body, SESSION, "polygon", INGESTED);
        assertThat(streamed).isEqualTo(parser.fromTree(body, SESSION, "polygon", INGESTED));
        Statistics.label("accepted and refused bars together").collect(!streamed.accepted().isEmpty() && !streamed.refused().isEmpty())
                .coverage(coverage -> coverage.check(true).percentage(share -> share > 10));
    }

    @Provide
    Arbitrary<String> responses() {
        Arbitrary<String> records = record().list().ofMaxSize(8).map(list -> String.join(",", list));
        Arbitrary<String> status = Arbitraries.of("\"status\":\"OK\",", "\"status\":\"ERROR\",\"error\":\"bad key\",", "",
                "\"status\":7,");
        Arbitrary<String> tail = Arbitraries.of("", ",\"resultsCount\":3", ",\"results\":[]", ",\"x\":{\"results\":[1]}");
        Arbitrary<String> damage = Arbitraries.of("", "", "", "", "", "", "}", "{", "]", "garbage");
        return Combinators.combine(status, records, tail, damage)
                .as((head, body, rest, broken) -> "{" + head + "\"results\":[" + body + "]" + rest + "}" + broken);
    }

    private Arbitrary<String> record() {
        Arbitrary<String> symbol = Arbitraries.of("\"AAPL\"", "\" MSFT \"", "\"KIMpL\"", "\"kimpl\"", "\"A B\"", "42", "null",
                "{\"x\":1}", "\"BRK.B\"", "\"AAPL\"");
        Arbitrary<String> price = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just("10")), Tuple.of(4, Arbitraries.of("10.5",
                "11", "9.5", "0", "-1", "\"10\"", "null", "[1]", "1e400", "123456789012345678901234567890")));
        Arbitrary<String> whole = Arbitraries.of("5", "5", "5", "5", "5.0", "2.5", "-3", "null", "\"5\"", "1e300", "99999999999999999999");
        Arbitrary<String> time = Arbitraries.of(Long.toString(CLOSE_MS), Long.toString(CLOSE_MS), Long.toString(CLOSE_MS), "1704315600000", "null", "1.5", "\"t\"");
        Arbitrary<List<String>> fields = Combinators.combine(symbol, price, price, price, price, price, whole, time)
                .as((t, o, h, l, c, v, n, ts) -> {
                    List<String> parts = new ArrayList<>();
                    parts.add("\"T\":" + t);
                    parts.add("\"o\":" + o);
                    parts.add("\"h\":" + h);
                    parts.add("\"l\":" + l);
                    parts.add("\"c\":" + c);
                    parts.add("\"v\":" + v);
                    parts.add("\"vw\":" + c);
                    parts.add("\"n\":" + n);
                    parts.add("\"t\":" + ts);
                    return parts;
                });
        Arbitrary<Integer> drop = Arbitraries.integers().between(-1, 20);
        Arbitrary<String> extra = Arbitraries.of("", "\"otc\":true", "\"o\":11", "\"nested\":{\"a\":[1,{\"b\":2}]}", "\"T\":\"IBM\"");
        Arbitrary<String> object = Combinators.combine(fields, drop, extra).as((parts, dropped, more) -> {
            List<String> kept = new ArrayList<>(parts);
            if (dropped >= 0 && dropped < kept.size()) {
                kept.remove((int) dropped);
            }
            if (!more.isEmpty()) {
                kept.add(more);
            }
            return "{ " + String.join(" , ", kept) + "\n}";
        });
        return Arbitraries.frequencyOf(
                Tuple.of(12, object),
                Tuple.of(1, Arbitraries.of("[1,2]", "3", "\"x\"", "null")));
    }
}
