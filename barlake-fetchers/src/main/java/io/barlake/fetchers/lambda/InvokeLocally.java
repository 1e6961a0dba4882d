package io.barlake.fetchers.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a fetcher handler the way Lambda would, outside Lambda:
 * {@code java -cp barlake-fetchers-*-lambda.jar io.barlake.fetchers.lambda.InvokeLocally FetchBars < event.json}.
 * For checking a deployment jar and its environment before uploading it.
 */
public final class InvokeLocally {
    private static final Map<String, Supplier<RequestStreamHandler>> HANDLERS = Map.of(
            "FetchBars", FetchBarsHandler::new,
            "FetchReference", FetchReferenceHandler::new);

    private InvokeLocally() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !HANDLERS.containsKey(args[0])) {
            System.err.println("usage: InvokeLocally FetchBars|FetchReference < event.json");
            System.exit(2);
        }
        RequestStreamHandler handler = HANDLERS.get(args[0]).get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = System.in) {
            handler.handleRequest(in, out, null);
        } catch (RuntimeException e) {
            System.err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
        }
        System.out.println(out.toString(StandardCharsets.UTF_8));
    }
}
