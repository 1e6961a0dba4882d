package io.barlake.statemachine.asl;

import static java.util.Objects.requireNonNull;

/**
 * An error as the States Language names it: {@code error} is what {@code Retry} and {@code Catch}
 * match ({@code States.TaskFailed}, {@code Lambda.ServiceException}, a Java exception's class
 * name, …), {@code cause} the human description.
 */
public final class StatesError extends RuntimeException {
    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String RUNTIME = "States.Runtime";
    public static final String TIMEOUT = "States.Timeout";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";

    private final String error;
    private final String errorCause;

    public StatesError(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = requireNonNull(error, "error is null");
        this.errorCause = cause == null ? "" : cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return errorCause;
    }

    /** {@code States.Runtime} errors end the execution: no retrier or catcher sees them (the specification's rule). */
    boolean isRuntime() {
        return RUNTIME.equals(error);
    }
}
