package io.barlake.serving;

import io.barlake.serving.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The dashboard's files, from the class path: a fixed list of request paths, so no path can reach
 * anything else. Answered by the router, so {@code barlake serve} and the API's Function URL on AWS
 * serve the same page from the same origin as the API it calls (the key is typed into the page).
 */
final class DashboardFiles {
    private static final String DASHBOARD = "io/barlake/serving/dashboard/";
    /** Apache ECharts from its webjar, the version the build pins (dep.echarts.version). */
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/" + webjarVersion("echarts") + "/dist/echarts.min.js";
    /** Request path → class-path resource and its content type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {DASHBOARD + "index.html", "text/html; charset=utf-8"},
            "/dashboard/app.js", new String[] {DASHBOARD + "app.js", "text/javascript; charset=utf-8"},
            "/dashboard/style.css", new String[] {DASHBOARD + "style.css", "text/css; charset=utf-8"},
            "/dashboard/echarts.min.js", new String[] {ECHARTS, "text/javascript; charset=utf-8"});

    private DashboardFiles() {}

    /** The file a GET of {@code path} asks for, or empty when the path is not one of the dashboard's. */
    static Optional<ApiResponse> get(String path) {
        String[] file = FILES.get(path);
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = DashboardFiles.class.getClassLoader().getResourceAsStream(file[0])) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new ApiResponse(200, Map.of("Content-Type", file[1], "Cache-Control", "no-cache"), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion(String name) {
        Properties properties = new Properties();
        try (InputStream in = DashboardFiles.class.getClassLoader()
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
}
