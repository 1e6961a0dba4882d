package io.barlake.serving.http;

import java.util.Map;

/**
 * The headers every answer carries, the API's and the dashboard's alike: no content sniffing, no
 * framing (clickjacking), and a content security policy that lets the dashboard load only its
 * own scripts, styles and data.
 */
public final class SecurityHeaders {
    public static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private SecurityHeaders() {}

    /** Adds each header the response does not set itself: a page may bring a stricter policy of its own. */
    public static ApiResponse addTo(ApiResponse response) {
        ApiResponse with = response;
        for (Map.Entry<String, String> header : ALL.entrySet()) {
            if (response.headers().keySet().stream().noneMatch(name -> name.equalsIgnoreCase(header.getKey()))) {
                with = with.with(header.getKey(), header.getValue());
            }
        }
        return with;
    }
}
