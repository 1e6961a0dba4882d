package io.barlake.serving.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors: a kind and a position, base64url-encoded. A cursor that is not one of
 * this kind is a 400 that tells the caller to use {@code next_cursor} as given.
 */
public final class Cursors {
    private Cursors() {}

    public static String encode(String kind, String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position of a cursor of {@code kind}. */
    public static String decode(String kind, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(kind + ":")) {
                return text.substring(kind.length() + 1);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw invalid();
    }

    public static ApiException invalid() {
        return ApiException.badRequest("'cursor' is not one this API gave; use next_cursor from the previous page");
    }
}
