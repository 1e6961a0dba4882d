package io.barlake.serving.access;

import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiRequest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an open {@code barlake serve} (no API keys) demands of a request, since it listens on
 * loopback and any web page the user visits can address loopback too:
 * <ul>
 * <li>the {@code Host} header names this machine ({@code localhost}, {@code 127.x.x.x},
 *     {@code [::1]}, with any port), so a page that rebinds its own name to 127.0.0.1 (DNS
 *     rebinding) is refused: its requests carry its own name;</li>
 * <li>a request that changes something ({@code POST}, {@code PUT}, {@code PATCH},
 *     {@code DELETE}) carries no {@code Origin} or this server's own, and a body is
 *     {@code application/json}, which a cross-origin page cannot send without a CORS preflight
 *     that this server never grants.</li>
 * </ul>
 * With API keys none of this applies: a key travels in a header, which no other page can add.
 */
public final class OpenAccessGuard {
    private static final Pattern LOOPBACK_HOST = Pattern.compile(
            "(localhost|127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}|\\[::1])(:\\d{1,5})?");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private OpenAccessGuard() {}

    /** Throws a 403 naming what was wrong, or returns. */
    public static void check(ApiRequest request) {
        String host = request.header("host");
        if (host != null && !LOOPBACK_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
            throw new ApiException(403, "forbidden_host",
                    "Without API keys this server answers only requests addressed to localhost, 127.0.0.1 or [::1]");
        }
        if (SAFE_METHODS.contains(request.method())) {
            return;
        }
        String origin = request.header("origin");
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            throw new ApiException(403, "cross_origin", "Without API keys this server refuses changes from another origin");
        }
        if (request.body().length > 0 && !isJson(request.header("content-type"))) {
            throw new ApiException(415, "unsupported_media_type", "Send the body as Content-Type: application/json");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }
}
