package io.barlake.serving.front;

import io.barlake.serving.Router;
import io.barlake.serving.http.ApiException;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.SecurityHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a URI it cannot parse, a 9 KB URI, headers too large) as the API's JSON
 * error with the security headers, instead of Jetty's HTML page: what the docs promise for every
 * answer. Nothing of the request is repeated.
 */
final class JsonErrors {
    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"bad_request", "The request could not be read (malformed URI, header or encoding)"},
            413, new String[] {"body_too_large", "The body is larger than " + Router.MAX_BODY + " bytes"},
            414, new String[] {"uri_too_long", "The URI is too long"},
            431, new String[] {"headers_too_large", "The request's headers are too large"});

    private JsonErrors() {}

    static ApiResponse answer(int status) {
        String[] known = KNOWN.getOrDefault(status, new String[] {"http_" + status, "The request was refused (HTTP " + status + ")"});
        return SecurityHeaders.addTo(Router.error(new ApiException(status, known[0], known[1])));
    }

    private static boolean respond(Response response, Callback callback, int status) {
        ApiResponse answer = answer(status);
        response.setStatus(status);
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }

    private static ByteBuffer badMessage(int status, HttpFields.Mutable fields) {
        ApiResponse answer = answer(status);
        answer.headers().forEach(fields::put);
        fields.put(HttpHeader.CONTENT_LENGTH, Integer.toString(answer.body().length));
        return ByteBuffer.wrap(answer.body());
    }

    /** The server's handler: refusals before any context, such as an unparseable request line. */
    static final class Core extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                List<Charset> charsets, int code, String message, Throwable cause) {
            return respond(response, callback, code);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return badMessage(status, fields);
        }
    }

    /** The servlet context's handler: refusals inside it, such as an ambiguous path. */
    static final class Servlet extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                List<Charset> charsets, int code, String message, Throwable cause) {
            return respond(response, callback, code);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return badMessage(status, fields);
        }
    }
}
