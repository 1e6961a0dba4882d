package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.LocalObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rate-limited Polygon backfill run by the real jar, killed (SIGKILL) mid-way, then run again:
 * it finishes from where bronze and the watermark say, asking for no completed session twice.
 */
class FetchKillResumeIT {
    private static final String KEY = "pk_kill_test_31415926";
    private static final String GROUPED = "/v2/aggs/grouped/locale/us/market/stocks/";

    @TempDir
    Path folder;

    /** Answers grouped-daily requests for any date with two bars, counting requests per session. */
    static final class Grouped extends Dispatcher {
        final Map<LocalDate, AtomicInteger> requests = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            if (!path.startsWith(GROUPED) || !("Bearer " + KEY).equals(request.getHeader("Authorization"))) {
                return new MockResponse().setResponseCode(404);
            }
            LocalDate session = LocalDate.parse(path.substring(GROUPED.length(), GROUPED.length() + 10));
            requests.computeIfAbsent(session, s -> new AtomicInteger()).incrementAndGet();
            total.incrementAndGet();
            long t = session.atTime(16, 0).atZone(ZoneId.of("America/New_York")).toInstant().toEpochMilli();
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                    "{\"queryCount\":2,\"resultsCount\":2,\"adjusted\":false,\"results\":[{\"T\":\"AAPL\",\"v\":1000,\"vw\":10.1,"
                            + "\"o\":10,\"c\":10.2,\"h\":10.5,\"l\":9.8,\"t\":" + t + ",\"n\":10},{\"T\":\"MSFT\",\"v\":2000,"
                            + "\"vw\":20.1,\"o\":20,\"c\":20.2,\"h\":20.5,\"l\":19.8,\"t\":" + t + ",\"n\":20}],\"status\":\"OK\","
                            + "\"request_id\":\"r\",\"count\":2}");
        }
    }

    private Process start(MockWebServer server, Path lake, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PackagedJar.barlake("fetch", "--from", "2023-11-01", "--to", "2023-12-29"));
        builder.environment().put("BARLAKE_LAKE", lake.toString());
        builder.environment().put("POLYGON_API_KEY", KEY);
        builder.environment().put("POLYGON_BASE_URL", server.url("/").toString());
        builder.environment().put("POLYGON_RATE_LIMIT", "600");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void aKilledBackfillResumesWhereItStopped() throws Exception {
        Path lake = folder.resolve("lake");
        List<LocalDate> sessions = TradingCalendar.nyse().sessionsBetween(LocalDate.of(2023, 11, 1), LocalDate.of(2023, 12, 29));
        Grouped polygon = new Grouped();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(polygon);
            server.start();

            Process first = start(server, lake, folder.resolve("first.log"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (polygon.total.get() < 8 && System.nanoTime() < deadline && first.isAlive()) {
                Thread.sleep(5);
            }
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(polygon.total.get()).as("killed mid-way").isBetween(8, sessions.size() - 5);

            Set<LocalDate> doneBeforeKill = new LocalObjectStore(lake).list(LakeLayout.BRONZE_BARS).stream()
                    .filter(object -> object.key().endsWith("_meta.json"))
                    .map(object -> LakeLayout.dateOf(object.key()).orElseThrow()).collect(Collectors.toSet());
            assertThat(doneBeforeKill).isNotEmpty();

            Process second = start(server, lake, folder.resolve("second.log"));
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(folder.resolve("second.log"), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as(output).isZero();

            assertThat(output).contains("fetch: " + sessions.size() + "/" + sessions.size() + " sessions (100%)")
                    .contains(doneBeforeKill.size() + " already in bronze")
                    .contains("Bars watermark: 2023-12-29")
                    .doesNotContain(KEY);
            for (LocalDate session : doneBeforeKill) {
                assertThat(polygon.requests.get(session).get()).as("%s was complete before the kill", session).isEqualTo(1);
            }
            List<LocalDate> askedTwice = new ArrayList<>();
            polygon.requests.forEach((session, count) -> {
                if (count.get() > 1) {
                    askedTwice.add(session);
                }
            });
            assertThat(askedTwice).as("only the session in flight at the kill is asked again").hasSizeLessThanOrEqualTo(1);
            assertThat(new LocalObjectStore(lake).list(LakeLayout.BRONZE_BARS)).hasSize(2 * sessions.size());
            assertThat(polygon.requests.keySet()).containsExactlyInAnyOrderElementsOf(sessions);
        }
    }
}
