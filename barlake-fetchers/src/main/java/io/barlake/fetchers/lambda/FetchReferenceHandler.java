package io.barlake.fetchers.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.fetchers.bronze.ReferenceFetcher;
import io.barlake.fetchers.bronze.ReferenceResult;
import io.barlake.lake.state.LakeJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The FetchReference task: tickers and splits snapshots into bronze; {@code {"date":"…"}} optional. */
public final class FetchReferenceHandler implements RequestStreamHandler {
    private final FetcherEnvironment environment;

    /** Cold start: build everything from the process environment once. */
    public FetchReferenceHandler() {
        this(FetcherEnvironment.fromProcess());
    }

    /** With a given environment: the local executor binds the task this way. */
    public FetchReferenceHandler(FetcherEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        io.barlake.lake.logging.LogContext.invocation(context == null ? null : context.getAwsRequestId());
        JsonNode event = LakeJson.mapper().readTree(input);
        io.barlake.lake.logging.LogContext.run(event == null ? null : event.path("run_id").asText(null));
        ReferenceResult result = new ReferenceFetcher(environment.store(), environment.source(), environment.calendar(),
                environment.clock(), environment.followedTickers()).fetch(event == null ? null : FetchEvents.date(event, "date"),
                event == null ? null : FetchEvents.date(event, "from")); // a backfill's range: its dividends too
        LakeJson.mapper().writeValue(output, result);
    }
}
