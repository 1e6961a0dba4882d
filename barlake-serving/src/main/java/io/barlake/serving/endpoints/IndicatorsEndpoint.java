package io.barlake.serving.endpoints;

import io.barlake.analytics.strategy.CatalogListing;
import io.barlake.analytics.strategy.CompositeStrategies;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.QueryParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/indicators}: the indicator catalogue, the same entries as {@code barlake
 * indicators --list --json} ({@link CatalogListing}); {@code ?schema=true} answers the composite
 * strategy JSON Schema instead, its indicator names from the same catalogue. The answer is built
 * once: the catalogue does not change while the server runs.
 */
public final class IndicatorsEndpoint {
    private final byte[] listing;
    private final byte[] schema;

    public IndicatorsEndpoint() {
        Map<String, Object> body = new LinkedHashMap<>();
        var entries = CatalogListing.entries();
        body.put("count", entries.size());
        body.put("indicators", entries);
        this.listing = ApiJson.write(body);
        this.schema = CompositeStrategies.schema().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public ApiResponse get(ApiRequest request) {
        boolean wantsSchema = new QueryParams(request.query()).bool("schema", false);
        return ApiResponse.json(200, wantsSchema ? schema : listing);
    }
}
