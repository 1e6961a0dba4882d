package io.barlake.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.serving.front.LocalServer;
import io.barlake.serving.http.ApiJson;
import io.barlake.serving.lambda.HttpApiHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One way in to the router, for tests that run every case through both: the local server and the Lambda event adapter. */
interface FrontDoor extends AutoCloseable {
    /** What came back; header names in lower case. */
    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return ApiJson.mapper().readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Answer call(String method, String pathAndQuery, Map<String, String> headers, byte[] body);

    default Answer get(String pathAndQuery, Map<String, String> headers) {
        return call("GET", pathAndQuery, headers, new byte[0]);
    }

    @Override
    default void close() {}

    /** The router on the local HTTP server, called over loopback. */
    static FrontDoor localServer(Router router) {
        LocalServer server = LocalServer.start(router, "127.0.0.1", 0);
        HttpClient client = HttpClient.newHttpClient();
        return new FrontDoor() {
            @Override
            public Answer call(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                headers.forEach(request::header);
                try {
                    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    Map<String, String> answered = new LinkedHashMap<>();
                    response.headers().map().forEach((name, values) -> answered.put(name.toLowerCase(Locale.ROOT), values.get(0)));
                    return new Answer(response.statusCode(), answered, response.body());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
                server.close();
            }

            @Override
            public String toString() {
                return "local server";
            }
        };
    }

    /** The router behind the Lambda handler, given HTTP API (payload 2.0) events as API Gateway sends them. */
    static FrontDoor lambda(Router router) {
        HttpApiHandler handler = new HttpApiHandler(router);
        return new FrontDoor() {
            @Override
            public Answer call(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
                ObjectNode event = ApiJson.mapper().createObjectNode();
                event.put("version", "2.0");
                event.put("routeKey", "$default");
                int question = pathAndQuery.indexOf('?');
                String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
                event.put("rawPath", path);
                event.put("rawQueryString", question < 0 ? "" : pathAndQuery.substring(question + 1));
                if (question >= 0) {
                    ObjectNode query = event.putObject("queryStringParameters");
                    for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                        int equals = pair.indexOf('=');
                        query.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                                equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    }
                }
                ObjectNode eventHeaders = event.putObject("headers");
                headers.forEach((name, value) -> eventHeaders.put(name.toLowerCase(Locale.ROOT), value));
                event.putObject("requestContext").put("stage", "$default").putObject("http").put("method", method).put("path", path);
                if (body.length > 0) {
                    event.put("body", new String(body, StandardCharsets.UTF_8));
                    event.put("isBase64Encoded", false);
                }
                try {
                    // Read with Jackson's own limits: ApiJson's guard bodies coming in, not the dashboard's 1 MB script going out.
                    JsonNode response = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ServingJarLauncher.invoke(handler,
                            ApiJson.mapper().writeValueAsBytes(event)));
                    Map<String, String> answered = new LinkedHashMap<>();
                    response.path("headers").fields().forEachRemaining(h -> answered.put(h.getKey().toLowerCase(Locale.ROOT),
                            h.getValue().asText()));
                    return new Answer(response.path("statusCode").asInt(), answered, response.path("body").asText());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public String toString() {
                return "Lambda event";
            }
        };
    }
}
