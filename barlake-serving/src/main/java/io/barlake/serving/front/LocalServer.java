package io.barlake.serving.front;

import io.barlake.serving.Router;
import io.barlake.serving.http.ApiRequest;
import io.barlake.serving.http.ApiResponse;
import io.barlake.serving.http.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code barlake serve}: the router on a local HTTP server (Javalin on Jetty), and the dashboard
 * at {@code /}: static files from the class path, a fixed list of them, so no request path can
 * reach anything else. A body is read up to the router's limit and no further, so an oversized
 * upload is refused without being held.
 */
public final class LocalServer implements AutoCloseable {
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.DELETE, HandlerType.PATCH);

    private static final String DASHBOARD = "io/barlake/serving/dashboard/";
    /** Apache ECharts from its webjar, the version the build pins (dep.echarts.version). */
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/" + webjarVersion("echarts") + "/dist/echarts.min.js";
    /** Request path → class-path resource and its content type. */
    private static final Map<String, String[]> STATIC = Map.of(
            "/", new String[] {DASHBOARD + "index.html", "text/html; charset=utf-8"},
            "/dashboard/app.js", new String[] {DASHBOARD + "app.js", "text/javascript; charset=utf-8"},
            "/dashboard/style.css", new String[] {DASHBOARD + "style.css", "text/css; charset=utf-8"},
            "/dashboard/echarts.min.js", new String[] {ECHARTS, "text/javascript; charset=utf-8"});

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

    private static String webjarVersion(String name) {
        Properties properties = new Properties();
        try (InputStream in = LocalServer.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The " + name + " webjar is not on the class path: the dashboard cannot draw charts");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    public int port() {
        return app.port();
    }

    private static void answer(Router router, Context ctx) throws IOException {
        ApiRequest request = request(ctx);
        String[] file = ctx.method() == HandlerType.GET ? STATIC.get(ctx.path()) : null;
        if (file != null && router.admits(request)) {
            try (InputStream in = LocalServer.class.getClassLoader().getResourceAsStream(file[0])) {
                if (in != null) {
                    SecurityHeaders.ALL.forEach(ctx::header);
                    ctx.status(200).contentType(file[1]).header("Cache-Control", "no-cache").result(in.readAllBytes());
                    return;
                }
            }
        }
        ApiResponse response = router.handle(request);
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
