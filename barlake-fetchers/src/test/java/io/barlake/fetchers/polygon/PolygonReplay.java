package io.barlake.fetchers.polygon;

import java.time.Duration;
import java.time.LocalDate;
import okhttp3.mockwebserver.MockResponse;

/** Realistic Polygon responses for a local HTTP server standing in for api.polygon.io. */
public final class PolygonReplay {
    /** A key that must never appear anywhere Barlake writes. */
    public static final String KEY = "pk_TEST_9f8e7d6c5b4a39281706";

    private PolygonReplay() {}

    /** Fast settings against a local server: 6,000 requests a minute, short timeouts and backoffs. */
    public static PolygonSettings settings(String baseUrl) {
        return PolygonSettings.defaults(ApiKey.of(KEY))
                .withBaseUrl(java.net.URI.create(baseUrl))
                .withRequestsPerMinute(6000)
                .withTiming(Duration.ofMillis(700), 4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30));
    }

    /** The next request {@code server} received, within 5 s; failing the test when none came. */
    public static okhttp3.mockwebserver.RecordedRequest taken(okhttp3.mockwebserver.MockWebServer server) throws InterruptedException {
        okhttp3.mockwebserver.RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
        org.assertj.core.api.Assertions.assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    public static long closeMillis(LocalDate session) {
        return session.atTime(16, 0).atZone(java.time.ZoneId.of("America/New_York")).toInstant().toEpochMilli();
    }

    /** A grouped-daily body as Polygon sends it (fields in Polygon's order, fractional volume included). */
    public static String groupedDaily(LocalDate session) {
        long t = closeMillis(session);
        return "{\"queryCount\":3,\"resultsCount\":3,\"adjusted\":false,\"results\":["
                + "{\"T\":\"AAPL\",\"v\":5.2164112e+07,\"vw\":185.9201,\"o\":187.15,\"c\":185.64,\"h\":188.44,\"l\":183.885,\"t\":" + t + ",\"n\":653419},"
                + "{\"T\":\"BRK.B\",\"v\":3615471.5,\"vw\":355.6,\"o\":357.02,\"c\":356.01,\"h\":358.13,\"l\":354.2,\"t\":" + t + ",\"n\":61226},"
                + "{\"T\":\"MSFT\",\"v\":25258567,\"vw\":370.1,\"o\":373.86,\"c\":370.87,\"h\":375.9,\"l\":366.77,\"t\":" + t + ",\"n\":364328}"
                + "],\"status\":\"OK\",\"request_id\":\"6a7e466379af0a71039d60cc78e72282\",\"count\":3}";
    }

    public static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    public static MockResponse status(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
}
