package io.barlake.serving.http;

import java.util.Map;

/**
 * One request as both front doors see it: the Lambda event adapter and the local server build
 * this, and the router answers it.
 *
 * @param method  upper-case HTTP method
 * @param path    the path without the query, e.g. {@code /v1/bars}
 * @param query   the first value of each query parameter
 * @param headers header names in lower case
 * @param body    the raw body, empty when there is none
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {
    public ApiRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
