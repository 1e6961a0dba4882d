package io.barlake.cli;

import io.barlake.fetchers.polygon.PolygonClient;
import io.barlake.fetchers.polygon.PolygonSettings;
import io.barlake.fetchers.polygon.SecretsManagerApiKeys;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.serving.Router;
import io.barlake.serving.RouterSettings;
import io.barlake.serving.ServingSettings;
import io.barlake.serving.access.ApiKeys;
import io.barlake.serving.front.LocalServer;
import io.barlake.serving.services.QuoteCache;
import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barlake serve}: the serving API (and its dashboard) on this machine, over the lake. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serve the dashboard and the API over the lake.",
        description = {"Serve the dashboard at / and the API over the lake (docs/serving.md):",
                "/health, /v1/quote, /v1/bars, /v1/signals, /v1/signal, /v1/market/summary, /v1/market/symbols,",
                "/v1/market/report, /v1/backtest, /v1/indicators, /v1/alerts, /v1/status, /v1/symbols, /v1/usage.",
                "Without BARLAKE_API_KEYS (name=sha256-of-key,…) the API is open, so it listens on this machine only.",
                "Limits per key: BARLAKE_RATE_LIMIT requests a second, BARLAKE_RATE_BURST, BARLAKE_DAILY_QUOTA.",
                "Quotes are kept 60 s in this process, or in BARLAKE_REDIS_URL (redis://host:port) to share them."},
        footer = {"", "Make a key's hash: printf %%s \"$KEY\" | sha256sum"})
final class ServeCommand extends LakeCommand {
    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new InvalidSettingException("--port", Integer.toString(port), "expected 0 to 65535");
        }
        ServingSettings settings = ServingSettings.from(parent.environment());
        boolean open = settings.keys().isEmpty();
        if (open && !loopback(host)) {
            throw new InvalidSettingException("--host", host, "serving beyond this machine needs " + ApiKeys.SETTING);
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<PolygonSettings> polygonSettings = PolygonSettings.fromEnvironment(parent.environment(),
                SecretsManagerApiKeys.usingDefaultClient());
        try (ObjectStore store = lake.open(parent.environment());
             PolygonClient polygon = polygonSettings.map(s -> new PolygonClient(settings.forQuotes(s), TradingCalendar.nyse(), parent.clock()))
                     .orElse(null);
             QuoteCache quotes = settings.quoteCache(parent.clock())) {
            Router router = new Router(settings.router(store, parent.clock(), quotes)
                    .withAccess(open ? RouterSettings.WithoutKeys.OPEN : RouterSettings.WithoutKeys.CLOSED)
                    .withVendor(Optional.ofNullable(polygon)));
            LocalServer server;
            try {
                server = LocalServer.start(router, host, port);
            } catch (JavalinBindException e) {
                throw new InvalidSettingException("--port", Integer.toString(port), "cannot listen on " + host + ":" + port
                        + " (in use?); choose another with --port");
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "barlake-serve-stop"));
            out.println("Serving " + store.location() + " on http://" + host + ":" + server.port() + "/");
            out.println("  Dashboard at /, API under /v1 (quote, bars, signals, backtest, alerts, status), health at /health");
            out.println("  Quotes from " + (polygon == null ? "the lake (no MASSIVE_API_KEY or POLYGON_API_KEY)" : "Massive (formerly Polygon.io), the lake when it fails"));
            out.println(open ? "  No " + ApiKeys.SETTING + ": the API is open, to this machine only." : "  API keys required (x-api-key).");
            out.println("Ctrl-C stops.");
            out.flush();
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new InvalidSettingException("--host", host, "not an address of this machine");
        }
    }
}
