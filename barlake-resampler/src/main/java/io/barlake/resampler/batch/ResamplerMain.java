package io.barlake.resampler.batch;

import io.barlake.lake.batch.BatchJob;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.resampler.ResampleResult;
import io.barlake.resampler.Resampler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Resample job: {@code RESAMPLE_SESSIONS=N} (3, 5, 8, 13, 21 or 34) for one timeframe, as each
 * of the six parallel Batch jobs runs it; unset or {@code all} for all six in one pass.
 */
public final class ResamplerMain {
    public static final String SESSIONS = "RESAMPLE_SESSIONS";

    private ResamplerMain() {}

    public static void main(String[] args) {
        // On AWS the job's figures also go to standard output as one JSON line, for the stack's metric filters.
        System.exit(BatchJob.run("resample", (store, environment, clock) -> resample(store, environment, clock, System.out),
                System.getenv(), Clock.systemUTC(), System.err));
    }

    public static String resample(ObjectStore store, Map<String, String> environment, Clock clock) {
        return resample(store, environment, clock, null);
    }

    /** The same, printing the job's {@link JobMetrics} line on {@code metrics} when it is given (a Batch job). */
    static String resample(ObjectStore store, Map<String, String> environment, Clock clock, java.io.PrintStream metrics) {
        List<ResampleResult> results = new Resampler(store, TradingCalendar.nyse(), clock).resampleAll(timeframes(environment));
        if (metrics != null) {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            counts.put("timeframes", (long) results.size());
            counts.put("buckets_rebuilt", results.stream().mapToLong(ResampleResult::bucketsRebuilt).sum());
            counts.put("symbols_rebuilt", results.stream().mapToLong(result -> result.symbolsRebuilt().size()).sum());
            counts.put("objects_written", results.stream().mapToLong(result -> result.yearsWritten().size()).sum());
            io.barlake.lake.batch.JobMetrics.print(metrics, "resample", environment, counts);
        }
        return results.stream().map(result -> result.sessions() + "d: " + result.bucketsRebuilt() + " buckets, "
                + result.symbolsRebuilt().size() + " symbols rebuilt, years " + result.yearsWritten())
                .collect(Collectors.joining("; "));
    }

    static List<Timeframe> timeframes(Map<String, String> environment) {
        String value = environment.get(SESSIONS);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("all")) {
            return Timeframe.resampled();
        }
        try {
            Timeframe timeframe = Timeframe.ofSessions(Integer.parseInt(value.strip()));
            if (timeframe != Timeframe.D1) {
                return List.of(timeframe);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidSettingException(SESSIONS, value, "expected 3, 5, 8, 13, 21, 34 or all");
    }
}
