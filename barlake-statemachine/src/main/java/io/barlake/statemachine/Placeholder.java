package io.barlake.statemachine;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every {@code ${Placeholder}} of {@code pipeline.asl.json}, in one place: the CDK app substitutes
 * an ARN for each, the local executor binds each to an in-process task, and a test checks that the
 * definition uses exactly this set.
 */
public enum Placeholder {
    /** The bars fetcher Lambda function (one bounded chunk of sessions per invocation). */
    FetchBarsFunctionArn,
    /** The reference (tickers and splits) fetcher Lambda function. */
    FetchReferenceFunctionArn,
    /** The scan Lambda function, which writes gold/signals. */
    ScanFunctionArn,
    /** The run report Lambda function, the last task on both paths (writes _runs/; the local runner writes its own). */
    ReportRunFunctionArn,
    /** The AWS Batch job queue of the consolidator and the resamplers. */
    JobQueueArn,
    /** The consolidator's Batch job definition. */
    ConsolidateJobDefinitionArn,
    /** The resampler's Batch job definition (RESAMPLE_SESSIONS picks the timeframe). */
    ResampleJobDefinitionArn,
    /** The SNS topic failure messages go to. */
    AlertTopicArn;

    /** The names, as written inside {@code ${…}}. */
    public static Set<String> names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
