package io.barlake.serving.http;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses: its status, a stable machine-readable code and a message for a
 * person. Answered as {@code {"error":{"code":…,"message":…}}}, with {@code details} when a
 * request has several problems (a composite strategy's, each with its JSON path).
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<String> details;
    private final transient Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of(), Map.of());
    }

    public ApiException(int status, String code, String message, List<String> details, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
