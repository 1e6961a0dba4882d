package io.barlake.fetchers.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.barlake.fetchers.bronze.BarsFetcher;
import io.barlake.fetchers.bronze.FetchRequest;
import io.barlake.fetchers.bronze.FetchResult;
import io.barlake.fetchers.bronze.FetchSettings;
import io.barlake.fetchers.bronze.ProgressListener;
import io.barlake.lake.state.LakeJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The FetchBars task: {@code {"mode":"nightly"}} or
 * {@code {"mode":"backfill","from":"…","to":"…","next":"…"}} in, a {@link FetchResult} out
 * ({@code complete}, {@code next}, counts). The time budget is the configured one, cut to what is
 * left of the Lambda's time minus a minute. Failures are thrown, never returned, so the state
 * machine sees them and retries or catches.
 */
public final class FetchBarsHandler implements RequestStreamHandler {
    private static final Duration SAFETY_MARGIN = Duration.ofMinutes(1);

    private final FetcherEnvironment environment;
    private final FetchSettings settings;
    private final ProgressListener progress;

    /** Cold start: build everything from the process environment once. */
    public FetchBarsHandler() {
        this(FetcherEnvironment.fromProcess(), FetchSettings.defaults());
    }

    /** With a given environment and settings. */
    public FetchBarsHandler(FetcherEnvironment environment, FetchSettings settings) {
        this(environment, settings, ProgressListener.NONE);
    }

    /** With a listener that hears every session: the local executor binds the task this way, for its progress bar. */
    public FetchBarsHandler(FetcherEnvironment environment, FetchSettings settings, ProgressListener progress) {
        this.environment = environment;
        this.settings = settings;
        this.progress = progress;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        io.barlake.lake.logging.LogContext.invocation(context == null ? null : context.getAwsRequestId());
        com.fasterxml.jackson.databind.JsonNode event = LakeJson.mapper().readTree(input);
        io.barlake.lake.logging.LogContext.run(event == null ? null : event.path("run_id").asText(null));
        FetchRequest request = FetchEvents.barsRequest(event);
        Duration budget = settings.timeBudget();
        if (context != null && context.getRemainingTimeInMillis() > 0) {
            Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(SAFETY_MARGIN);
            if (left.compareTo(budget) < 0) {
                // Whatever is left: the fetcher always finishes at least one session, then stops.
                budget = left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
            }
        }
        BarsFetcher fetcher = new BarsFetcher(environment.store(), environment.source(), environment.calendar(),
                environment.clock(), new FetchSettings(budget, settings.lookback(), settings.maxMissing()));
        FetchResult result = fetcher.fetch(request, progress);
        // On AWS (the namespace set): the sessions this chunk fetched, as a CloudWatch metric.
        io.barlake.lake.batch.JobMetrics.emit(System.getenv(), environment.clock().instant(), java.util.Map.of(
                "SessionsFetched", (long) result.written().size()));
        LakeJson.mapper().writeValue(output, result);
    }
}
