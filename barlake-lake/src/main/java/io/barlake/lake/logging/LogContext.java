package io.barlake.lake.logging;

import org.slf4j.MDC;

/**
 * What every log line of a Lambda invocation carries (the functions log JSON lines,
 * {@code barlake-lambda-logback.xml}): {@code request_id}, the invocation's, and {@code run_id},
 * the state machine execution's name when the function knows it. An instance runs one invocation
 * at a time, so each invocation sets them afresh; a value not known is removed, not kept.
 */
public final class LogContext {
    public static final String REQUEST_ID = "request_id";
    public static final String RUN_ID = "run_id";

    private LogContext() {}

    /** Sets the invocation's request id (null: none) and clears any run id of an earlier invocation. */
    public static void invocation(String requestId) {
        put(REQUEST_ID, requestId);
        MDC.remove(RUN_ID);
    }

    /** Sets the run this invocation works for. */
    public static void run(String runId) {
        put(RUN_ID, runId);
    }

    private static void put(String key, String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
