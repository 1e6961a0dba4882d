package io.barlake.fetchers.polygon;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Answers like Polygon by path: grouped daily bars for any date, two pages of tickers, splits, two
 * pages of dividends (AAPL's and MSFT's of February 2024);
 * responses scripted per date take precedence (a 429, a 500, a truncated body…). Every request
 * path is recorded, so a test can check what was asked for and what was not.
 */
public final class PolygonDispatcher extends Dispatcher {
    public static final String GROUPED = "/v2/aggs/grouped/locale/us/market/stocks/";
    private final Map<LocalDate, Deque<MockResponse>> scripted = new HashMap<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final Map<LocalDate, String> bodies = new HashMap<>();
    private String baseUrl = "";

    public void baseUrl(String url) {
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public synchronized void script(LocalDate session, MockResponse... responses) {
        scripted.computeIfAbsent(session, d -> new ArrayDeque<>()).addAll(List.of(responses));
    }

    public synchronized void body(LocalDate session, String body) {
        bodies.put(session, body);
    }

    public List<String> paths() {
        return paths;
    }

    /** The sessions asked for with grouped-daily requests, in request order, repeats included. */
    public List<LocalDate> groupedSessions() {
        return paths.stream().filter(path -> path.startsWith(GROUPED))
                .map(path -> LocalDate.parse(path.substring(GROUPED.length(), GROUPED.length() + 10))).toList();
    }

    public long groupedRequests(LocalDate session) {
        return paths.stream().filter(path -> path.startsWith(GROUPED + session)).count();
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        paths.add(path);
        if (!("Bearer " + PolygonReplay.KEY).equals(request.getHeader("Authorization"))) {
            return PolygonReplay.status(401, "{\"status\":\"ERROR\",\"error\":\"Unknown API Key\"}");
        }
        if (path.startsWith(GROUPED)) {
            LocalDate session = LocalDate.parse(path.substring(GROUPED.length(), GROUPED.length() + 10));
            Deque<MockResponse> queue = scripted.get(session);
            if (queue != null && !queue.isEmpty()) {
                return queue.poll();
            }
            return PolygonReplay.ok(bodies.getOrDefault(session, PolygonReplay.groupedDaily(session)));
        }
        if (path.startsWith("/v3/reference/tickers?cursor=")) {
            return PolygonReplay.ok("{\"results\":[{\"ticker\":\"MSFT\",\"name\":\"Microsoft Corp\",\"market\":\"stocks\","
                    + "\"locale\":\"us\",\"primary_exchange\":\"XNAS\",\"type\":\"CS\",\"active\":true,\"currency_name\":\"usd\","
                    + "\"cik\":\"0000789019\",\"composite_figi\":\"BBG000BPH459\"}],\"status\":\"OK\",\"count\":1}");
        }
        if (path.startsWith("/v3/reference/tickers")) {
            return PolygonReplay.ok("{\"results\":[{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\",\"market\":\"stocks\","
                    + "\"locale\":\"us\",\"primary_exchange\":\"XNAS\",\"type\":\"CS\",\"active\":true,\"currency_name\":\"usd\","
                    + "\"cik\":\"0000320193\",\"composite_figi\":\"BBG000B9XRY4\"},{\"ticker\":\"BRK.B\",\"name\":\"Berkshire Hathaway"
                    + " Inc. Class B\",\"market\":\"stocks\",\"locale\":\"us\",\"primary_exchange\":\"XNYS\",\"type\":\"CS\","
                    + "\"active\":true,\"currency_name\":\"usd\"}],\"status\":\"OK\",\"count\":2,\"next_url\":\"" + baseUrl
                    + "/v3/reference/tickers?cursor=YXA9MiZhcz0mbGltaXQ9MiZzb3J0PXRpY2tlcg\"}");
        }
        if (path.startsWith("/v3/reference/splits")) {
            return PolygonReplay.ok("{\"results\":[{\"execution_date\":\"2020-08-31\",\"id\":\"E36416cce743c3964c5da63e1ef1626c0"
                    + "aece30fb47302eea5a49c0055c04e8d0\",\"split_from\":1,\"split_to\":4,\"ticker\":\"AAPL\"}],\"status\":\"OK\"}");
        }
        if (path.startsWith("/v3/reference/dividends?cursor=")) {
            return PolygonReplay.ok("{\"results\":[{\"cash_amount\":0.75,\"currency\":\"USD\",\"declaration_date\":\"2023-11-28\","
                    + "\"dividend_type\":\"CD\",\"ex_dividend_date\":\"2024-02-14\",\"frequency\":4,\"pay_date\":\"2024-03-14\","
                    + "\"record_date\":\"2024-02-15\",\"ticker\":\"MSFT\"}],\"status\":\"OK\"}");
        }
        if (path.startsWith("/v3/reference/dividends")) {
            return PolygonReplay.ok("{\"results\":[{\"cash_amount\":0.24,\"currency\":\"USD\",\"declaration_date\":\"2024-02-01\","
                    + "\"dividend_type\":\"CD\",\"ex_dividend_date\":\"2024-02-09\",\"frequency\":4,\"pay_date\":\"2024-02-15\","
                    + "\"record_date\":\"2024-02-12\",\"ticker\":\"AAPL\"}],\"status\":\"OK\",\"next_url\":\"" + baseUrl
                    + "/v3/reference/dividends?cursor=YXA9MSZsaW1pdD0xJnNvcnQ9ZXhfZGl2aWRlbmRfZGF0ZQ\"}");
        }
        if (path.equals("/vX/reference/tickers/META/events?types=ticker_change")
                || path.equals("/vX/reference/tickers/BBG000MM2P62/events?types=ticker_change")) {
            // Shaped as the vendor answers, with the date its recorded response gives the rename.
            return PolygonReplay.ok("{\"results\":{\"name\":\"Meta Platforms, Inc. Class A Common Stock\",\"composite_figi\":"
                    + "\"BBG000MM2P62\",\"cik\":\"0001326801\",\"events\":[{\"ticker_change\":{\"ticker\":\"META\"},\"type\":"
                    + "\"ticker_change\",\"date\":\"2022-06-11\"},{\"ticker_change\":{\"ticker\":\"FB\"},\"type\":\"ticker_change\","
                    + "\"date\":\"2012-05-18\"}]},\"status\":\"OK\",\"request_id\":\"8c911ff1-5ca8-41e8-9bbf-e625141caacc\"}");
        }
        if (path.startsWith("/vX/reference/tickers/")) {
            return PolygonReplay.status(404, "{\"status\":\"NOT_FOUND\",\"message\":\"No events found for given ID\"}");
        }
        return PolygonReplay.status(404, "{\"status\":\"NOT_FOUND\",\"message\":\"Not found\"}");
    }
}
