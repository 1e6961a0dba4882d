package io.barlake.serving.front;

import io.barlake.serving.Router;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code barlake serve}: the router on a local HTTP server (Javalin on Jetty); the router answers
 * the dashboard's files at {@code /} too, as it does behind the Function URL on AWS. A body is read up to the router's limit and no further, so an oversized
 * upload is refused without being held.
 */
public final class LocalServer implements AutoCloseable {
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.DELETE, HandlerType.PATCH);

    private final Javalin app;

    private LocalServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code host}:{@code port} (0 picks a free port). */
    public static LocalServer start(Router router, String host, int port) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = Router.MAX_BODY + 1L;
            config.jetty.host = host;
            config.jetty.port = port;
            // Requests Jetty refuses before they reach the router (a malformed or 9 KB URI) get JSON too.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors.Core()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrors.Servlet()));
            for (HandlerType method : METHODS) {
                config.routes.addHttpHandler(method, "/", ctx -> answer(router, ctx));
                config.routes.addHttpHandler(method, "/<path>", ctx -> answer(router, ctx));
            }
        });
        app.start();
        return new LocalServer(app);
    }

    public int port() {
        return app.port();
    }

    private static void answer(Router router, Context ctx) throws IOException {
        ApiResponse response = router.handle(request(ctx));
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.result(response.body());
    }

    static ApiRequest request(Context ctx) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return new ApiRequest(ctx.method().name(), ctx.path(), query, headers, body(ctx));
    }

    /** The body, read to one byte past the limit at most: enough for the router to refuse it. */
    private static byte[] body(Context ctx) throws IOException {
        try (InputStream in = ctx.req().getInputStream()) {
            return in.readNBytes(Router.MAX_BODY + 1);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
