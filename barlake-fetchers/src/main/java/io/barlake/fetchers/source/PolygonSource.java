package io.barlake.fetchers.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.fetchers.polygon.PolygonClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Polygon's REST API as a market-data source. */
public final class PolygonSource implements MarketDataSource {
    private final PolygonClient client;

    public PolygonSource(PolygonClient client) {
        this.client = requireNonNull(client, "client is null");
    }

    /** The client, for request counts and the breaker state. */
    public PolygonClient client() {
        return client;
    }

    @Override
    public String name() {
        return "polygon";
    }

    @Override
    public String description() {
        return "Polygon API";
    }

    @Override
    public SessionResponse groupedDaily(LocalDate session) {
        return new SessionResponse(session, client.groupedDaily(session), client.groupedDailyRequest(session));
    }

    @Override
    public ReferenceSnapshot tickers(LocalDate asOf) {
        return new ReferenceSnapshot(client.tickers(), client.tickersRequest());
    }

    @Override
    public ReferenceSnapshot splits(LocalDate asOf) {
        return new ReferenceSnapshot(client.splits(), client.splitsRequest());
    }

    @Override
    public ReferenceSnapshot dividends(LocalDate asOf, LocalDate from, LocalDate to) {
        return new ReferenceSnapshot(client.dividends(from, to), client.dividendsRequest(from, to));
    }

    @Override
    public ReferenceSnapshot tickerEvents(List<String> ids) {
        List<JsonNode> results = new ArrayList<>();
        ids.forEach(id -> client.tickerEvents(id).ifPresent(results::add));
        return new ReferenceSnapshot(results, ids.isEmpty() ? "no ids asked"
                : String.join(" ", ids.stream().map(client::tickerEventsRequest).toList()));
    }

    @Override
    public void close() {
        client.close();
    }
}
