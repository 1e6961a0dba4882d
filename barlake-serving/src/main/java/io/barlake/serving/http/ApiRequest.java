package io.barlake.serving.http;

import java.util.LinkedHashMap;
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
    /** Set by the router after authentication to the key's name; a header of the same name from outside is replaced. */
    public static final String CALLER_HEADER = "x-barlake-caller";

    public ApiRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The authenticated caller (the API key's name), as the router set it. */
    public String caller() {
        return headers.get(CALLER_HEADER);
    }

    /** The same request, answered for {@code caller}. */
    public ApiRequest withCaller(String caller) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(CALLER_HEADER, caller);
        return new ApiRequest(method, path, query, copy, body);
    }
}
